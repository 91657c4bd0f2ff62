"""Seed Spanish and Portuguese for the standard vocabulary, since each term is one concept in every language."""

from django.db import migrations

FIELDS = ("name_es", "name_pt_br", "description_es", "description_pt_br")

# model name -> {slug: (name_es, name_pt_br, description_es, description_pt_br)}
TRANSLATIONS = {
    "GovernmentLevel": {
        "national": (
            "Nacional",
            "Nacional",
            "Ministerios y organismos nacionales, incluidas las policías nacionales.",
            "Ministérios e órgãos nacionais, incluindo as forças policiais nacionais.",
        ),
        "state-provincial": (
            "Estatal o provincial",
            "Estadual ou provincial",
            "Estados, provincias, departamentos y sus organismos.",
            "Estados, províncias, departamentos e seus órgãos.",
        ),
        "municipal": (
            "Municipal",
            "Municipal",
            "Gobiernos municipales y de las ciudades.",
            "Prefeituras e governos municipais.",
        ),
        "community": (
            "Comunitario o vecinal",
            "Comunitário ou de bairro",
            "Consejos, comités y grupos locales a nivel de barrio.",
            "Conselhos, comitês e grupos locais de bairro.",
        ),
    },
    "Sector": {
        "policing": (
            "Policía",
            "Policiamento",
            "Servicios policiales, patrullaje e investigación.",
            "Serviços policiais, patrulhamento e investigação.",
        ),
        "justice": (
            "Justicia",
            "Justiça",
            "Tribunales, persecución penal, defensa pública y resolución alternativa de conflictos.",
            "Tribunais, Ministério Público, Defensoria Pública e resolução alternativa de conflitos.",
        ),
        "corrections-reintegration": (
            "Sistema penitenciario y reinserción",
            "Sistema prisional e reintegração",
            "Cárceles, centros de internamiento para adolescentes, medidas alternativas a la prisión"
            " y reinserción tras el egreso.",
            "Prisões, unidades de internação socioeducativa, penas e medidas alternativas"
            " e reintegração de egressos.",
        ),
        "health": (
            "Salud",
            "Saúde",
            "Salud pública, salud mental y servicios de atención por consumo de sustancias.",
            "Saúde pública, saúde mental e serviços de atenção ao uso de álcool e outras drogas.",
        ),
        "education": (
            "Educación",
            "Educação",
            "Escuelas, permanencia escolar y educación fuera de la escuela.",
            "Escolas, permanência escolar e educação fora da escola.",
        ),
        "urban-planning": (
            "Urbanismo",
            "Urbanismo",
            "Espacio público, transporte, alumbrado y vivienda.",
            "Espaço público, transporte, iluminação e habitação.",
        ),
        "social-development": (
            "Desarrollo social",
            "Desenvolvimento social",
            "Protección social, apoyo a las familias y desarrollo comunitario.",
            "Proteção social, apoio às famílias e desenvolvimento comunitário.",
        ),
        "employment": (
            "Empleo",
            "Emprego",
            "Formación para el trabajo, intermediación laboral y generación de ingresos.",
            "Qualificação profissional, intermediação de mão de obra e geração de renda.",
        ),
        "gender": (
            "Género",
            "Gênero",
            "Derechos y servicios para las mujeres, y violencia de género.",
            "Direitos e serviços para as mulheres, e violência de gênero.",
        ),
        "technology-information": (
            "Tecnología e información",
            "Tecnologia e informação",
            "Datos sobre el delito, observatorios, sistemas de información y tecnología.",
            "Dados criminais, observatórios, sistemas de informação e tecnologia.",
        ),
    },
    "PolicyArea": {
        "social-prevention": (
            "Prevención social",
            "Prevenção social",
            "Reduce los factores de riesgo de violencia en las personas y las familias.",
            "Reduz os fatores de risco para a violência entre pessoas e famílias.",
        ),
        "situational-prevention": (
            "Prevención situacional",
            "Prevenção situacional",
            "Modifica lugares y oportunidades para que el delito sea más difícil o menos atractivo.",
            "Modifica lugares e oportunidades para tornar o crime mais difícil ou menos atraente.",
        ),
        "community-prevention": (
            "Prevención comunitaria",
            "Prevenção comunitária",
            "Fortalece la capacidad propia de los barrios para prevenir la violencia.",
            "Fortalece a capacidade dos próprios bairros de prevenir a violência.",
        ),
        "control-policing": (
            "Control y acción policial",
            "Controle e policiamento",
            "Disuade y responde al delito mediante la acción policial.",
            "Dissuade e responde ao crime por meio da ação policial.",
        ),
        "justice": (
            "Justicia",
            "Justiça",
            "Mejora la forma en que el sistema de justicia tramita y resuelve los casos.",
            "Melhora a forma como o sistema de justiça processa e resolve os casos.",
        ),
        "rehabilitation-reintegration": (
            "Rehabilitación y reinserción",
            "Reabilitação e reintegração",
            "Ayuda a las personas infractoras a dejar de delinquir y a reinsertarse en la sociedad.",
            "Ajuda autores de delitos a abandonar a prática delitiva e a retornar ao convívio social.",
        ),
        "institutional-management": (
            "Gestión institucional",
            "Gestão institucional",
            "Fortalece la forma en que las instituciones de seguridad planifican, se coordinan,"
            " usan datos y rinden cuentas de sus resultados.",
            "Fortalece a forma como as instituições de segurança planejam, se coordenam,"
            " usam dados e prestam contas de seus resultados.",
        ),
    },
    "Theme": {
        "homicide": ("Homicidio", "Homicídio", "", ""),
        "youth-violence": ("Violencia juvenil", "Violência juvenil", "", ""),
        "gender-based-violence": ("Violencia de género", "Violência de gênero", "", ""),
        "domestic-violence": ("Violencia doméstica", "Violência doméstica", "", ""),
        "property-crime": ("Delitos contra la propiedad", "Crimes contra o patrimônio", "", ""),
        "organised-crime": ("Crimen organizado", "Crime organizado", "", ""),
        "drugs-and-alcohol": ("Drogas y alcohol", "Álcool e drogas", "", ""),
        "firearms": ("Armas de fuego", "Armas de fogo", "", ""),
        "gangs": ("Pandillas", "Gangues", "", ""),
        "fear-of-crime": ("Temor al delito", "Medo do crime", "", ""),
    },
    "TargetPopulation": {
        "youth": ("Jóvenes", "Jovens", "", ""),
        "children": ("Niñas y niños", "Crianças", "", ""),
        "women": ("Mujeres", "Mulheres", "", ""),
        "families": ("Familias", "Famílias", "", ""),
        "victims": ("Víctimas", "Vítimas", "", ""),
        "offenders": ("Personas infractoras", "Autores de delitos", "", ""),
        "police-officers": ("Policías", "Policiais", "", ""),
        "general-population": ("Población general", "População em geral", "", ""),
        "specific-neighbourhoods": ("Barrios específicos", "Bairros específicos", "", ""),
    },
}


def seed_translations(apps, schema_editor):
    for model_name, terms in TRANSLATIONS.items():
        model = apps.get_model("practices", model_name)
        for term in model.objects.filter(slug__in=terms):
            changed = []
            for field, value in zip(FIELDS, terms[term.slug], strict=True):
                if value and not getattr(term, field):
                    setattr(term, field, value)
                    changed.append(field)
            if changed:
                term.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("practices", "0004_taxonomy_translations")]

    operations = [migrations.RunPython(seed_translations, migrations.RunPython.noop)]
