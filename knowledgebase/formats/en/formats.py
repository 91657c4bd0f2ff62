# English as the region's English-speaking countries write it (day before month), rather than
# Django's US defaults. Spanish and Portuguese use Django's own formats for those languages.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
