"""Seed the taxonomies with the region's standard vocabulary, so filters and the demo corpus share stable slugs."""

from django.db import migrations

TAXONOMIES = {
    "GovernmentLevel": [
        ("national", "National", "Ministries and national agencies, including national police forces."),
        ("state-provincial", "State or provincial", "States, provinces, departments and their agencies."),
        ("municipal", "Municipal", "City and municipal governments."),
        ("community", "Community or neighbourhood", "Neighbourhood-level councils, committees and local groups."),
    ],
    "Sector": [
        ("policing", "Policing", "Police services, patrols and investigation."),
        ("justice", "Justice", "Courts, prosecution, public defence and alternative dispute resolution."),
        ("corrections-reintegration", "Corrections and reintegration", "Prisons, juvenile detention, probation and re-entry."),
        ("health", "Health", "Public health, mental health and substance-use services."),
        ("education", "Education", "Schools, school retention and education outside school."),
        ("urban-planning", "Urban planning", "Public space, transport, lighting and housing."),
        ("social-development", "Social development", "Social protection, family support and community development."),
        ("employment", "Employment", "Job training, job placement and income generation."),
        ("gender", "Gender", "Women's rights and services, and gender-based violence."),
        ("technology-information", "Technology and information", "Crime data, observatories, information systems and technology."),
    ],
    "PolicyArea": [
        ("social-prevention", "Social prevention", "Reduces risk factors for violence among people and families."),
        ("situational-prevention", "Situational prevention", "Changes places and opportunities so crime is harder or less attractive."),
        ("community-prevention", "Community prevention", "Strengthens neighbourhoods' own capacity to prevent violence."),
        ("control-policing", "Control and policing", "Deters and responds to crime through police action."),
        ("justice", "Justice", "Improves how the justice system processes and resolves cases."),
        ("rehabilitation-reintegration", "Rehabilitation and reintegration", "Helps offenders stop offending and return to society."),
        ("institutional-management", "Institutional management", "Strengthens how security institutions plan, coordinate, use data and account for results."),
    ],
    "Theme": [
        ("homicide", "Homicide", ""),
        ("youth-violence", "Youth violence", ""),
        ("gender-based-violence", "Gender-based violence", ""),
        ("domestic-violence", "Domestic violence", ""),
        ("property-crime", "Property crime", ""),
        ("organised-crime", "Organised crime", ""),
        ("drugs-and-alcohol", "Drugs and alcohol", ""),
        ("firearms", "Firearms", ""),
        ("gangs", "Gangs", ""),
        ("fear-of-crime", "Fear of crime", ""),
    ],
    "TargetPopulation": [
        ("youth", "Youth", ""),
        ("children", "Children", ""),
        ("women", "Women", ""),
        ("families", "Families", ""),
        ("victims", "Victims", ""),
        ("offenders", "Offenders", ""),
        ("police-officers", "Police officers", ""),
        ("general-population", "General population", ""),
        ("specific-neighbourhoods", "Specific neighbourhoods", ""),
    ],
}


def seed(apps, schema_editor):
    for model_name, rows in TAXONOMIES.items():
        model = apps.get_model("practices", model_name)
        for order, (slug, name, description) in enumerate(rows, start=1):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "description": description, "sort_order": order * 10}
            )


def unseed(apps, schema_editor):
    for model_name, rows in TAXONOMIES.items():
        apps.get_model("practices", model_name).objects.filter(slug__in=[row[0] for row in rows]).delete()


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
