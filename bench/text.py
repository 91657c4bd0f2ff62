"""Seeded synthetic prose for the benchmark corpus: plausible citizen-security text in Spanish,
Portuguese and English, built from per-language vocabularies and sentence templates.

The text only ever goes into a benchmark database. It is meant to make full-text search behave as it
would on real case studies, not to read as real findings:

* Word frequencies are skewed (Zipf-like). Every list below is ordered from common to rare and sampled
  through an "urn" in which item i fills a share proportional to 1 / (i + 1) ** s, so a few domain
  words ("seguridad", "programa", "prevenção") appear in almost every document and most words in few.
* Each document has one primary and up to two secondary themes (youth violence, hot spots policing,
  alcohol regulation, ...), themselves drawn from a skewed distribution, and most domain phrases come
  from those themes. A query such as "violencia juvenil" or "hot spots policing" therefore matches a
  realistic fraction of the corpus: neither none nor all of it.
* Place, neighbourhood, organisation and programme names draw on a pool of a few thousand generated
  names per culture (Spanish, Portuguese, English-speaking Caribbean), so the term dictionary is large
  and its tail is long.

Everything is drawn from the `random.Random` passed in (its `random()` and `getrandbits()`), so a seed
gives the same text on every run and machine. No word contains "<", ">", "&" or a double quote.
Templates are compiled once per language into small generated functions (see `_Code`): about 3
million words a second on one core.

Usage, one document at a time::

    writer = Writer("es", rng)      # starts a document: its themes and its place
    writer.title()                  # a second title() starts a new document first
    writer.place(), writer.summary(), writer.html(150), writer.outcome(), writer.result(), ...
    writer.new_document()           # or start the next one explicitly
"""

from __future__ import annotations

import re
from bisect import bisect
from collections.abc import Callable, Sequence
from functools import cache
from itertools import accumulate
from math import gcd
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import random

LANGUAGES = ("es", "pt", "en")

SUMMARY_MIN = 250
SUMMARY_MAX = 590  # the model field allows 600
TITLE_WORDS = (4, 14)
SENTENCE_WORDS = (10, 30)
OUTCOME_MAX = 200


def _outcomes(text: str) -> list[tuple[str, bool]]:
    """Outcomes as (text, more is better): "+" marks those where an increase is good news."""
    return [(item.removeprefix("+"), item.startswith("+")) for item in _items(text)]


def _lines(text: str) -> list[str]:
    """One template a line; a line starting with "+ " continues the one before."""
    return [line.strip() for line in re.sub(r"\n\+ ", " ", text).splitlines() if line.strip()]


def _items(text: str) -> list[str]:
    """Split a '|'- or newline-separated block of vocabulary into stripped items."""
    return [item.strip() for line in _lines(text) for item in line.split("|") if item.strip()]


def _urn(items: Sequence, s: float = 1.0, bits: int = 0) -> tuple:
    """A tuple of 2**k slots in which item i fills a share proportional to 1 / (i + 1) ** s (at least
    one slot), so that `urn[getrandbits(k)]` samples the items with a Zipf-like law (uniformly if s = 0).
    k is `bits` if given, else large enough for about eight slots per item.
    """
    n = len(items)
    size = 1 << (bits or max(4, (8 * n - 1).bit_length()))
    if n > size:
        raise ValueError(f"{n} items do not fit in an urn of {size}")
    weights = [1 / (rank + 1) ** s for rank in range(n)]
    total = sum(weights)
    exact = [w * size / total for w in weights]
    counts = [max(1, int(x)) for x in exact]
    by_remainder = sorted(range(n), key=lambda i: (counts[i] - exact[i], i))
    missing = size - sum(counts)
    for k in range(max(0, missing)):
        counts[by_remainder[k % n]] += 1
    for _ in range(max(0, -missing)):
        counts[counts.index(max(counts))] -= 1
    out: list = []
    for item, count in zip(items, counts, strict=True):
        out.extend([item] * count)
    return tuple(out)


def _bits(urn: Sequence) -> int:
    return len(urn).bit_length() - 1


# --------------------------------------------------------------------------------------------------
# Places: (city, subnational unit) per country, from the LAC codes of practices.choices.LAC_COUNTRIES.

PLACES = {
    "MX": "Ciudad Juárez, Chihuahua | Monterrey, Nuevo León | Guadalajara, Jalisco | Tijuana, Baja California"
    " | Culiacán, Sinaloa | Acapulco, Guerrero | Morelia, Michoacán | León, Guanajuato | Puebla, Puebla"
    " | Mérida, Yucatán | Ciudad de México, Ciudad de México | Querétaro, Querétaro | Torreón, Coahuila"
    " | Ecatepec, Estado de México | Nezahualcóyotl, Estado de México | Chilpancingo, Guerrero",
    "CO": "Medellín, Antioquia | Cali, Valle del Cauca | Bogotá, Bogotá D.C. | Barranquilla, Atlántico"
    " | Cartagena, Bolívar | Bucaramanga, Santander | Pereira, Risaralda | Cúcuta, Norte de Santander"
    " | Manizales, Caldas | Pasto, Nariño | Tumaco, Nariño | Buenaventura, Valle del Cauca"
    " | Soacha, Cundinamarca | Bello, Antioquia",
    "AR": "Rosario, Santa Fe | Córdoba, Córdoba | Buenos Aires, Ciudad Autónoma de Buenos Aires"
    " | La Plata, Buenos Aires | Mendoza, Mendoza | San Miguel de Tucumán, Tucumán"
    " | Mar del Plata, Buenos Aires | La Matanza, Buenos Aires | Santa Fe, Santa Fe",
    "CL": "Santiago, Región Metropolitana | Valparaíso, Valparaíso | Concepción, Biobío"
    " | Antofagasta, Antofagasta | La Pintana, Región Metropolitana | Temuco, La Araucanía"
    " | Puente Alto, Región Metropolitana | Arica, Arica y Parinacota",
    "PE": "Lima, Lima | Trujillo, La Libertad | Arequipa, Arequipa | Chiclayo, Lambayeque | Callao, Callao"
    " | Piura, Piura | San Juan de Lurigancho, Lima | Comas, Lima",
    "EC": "Guayaquil, Guayas | Quito, Pichincha | Cuenca, Azuay | Esmeraldas, Esmeraldas | Manta, Manabí"
    " | Durán, Guayas",
    "BO": "La Paz, La Paz | El Alto, La Paz | Santa Cruz de la Sierra, Santa Cruz | Cochabamba, Cochabamba"
    " | Sucre, Chuquisaca",
    "PY": "Asunción, Distrito Capital | Ciudad del Este, Alto Paraná | Encarnación, Itapúa"
    " | Luque, Central | Pedro Juan Caballero, Amambay",
    "UY": "Montevideo, Montevideo | Salto, Salto | Las Piedras, Canelones | Paysandú, Paysandú"
    " | Rivera, Rivera",
    "GT": "Ciudad de Guatemala, Guatemala | Mixco, Guatemala | Villa Nueva, Guatemala"
    " | Quetzaltenango, Quetzaltenango | Escuintla, Escuintla | Chinautla, Guatemala",
    "HN": "San Pedro Sula, Cortés | Tegucigalpa, Francisco Morazán | La Ceiba, Atlántida | Choloma, Cortés"
    " | Choluteca, Choluteca",
    "SV": "San Salvador, San Salvador | Soyapango, San Salvador | Santa Ana, Santa Ana"
    " | San Miguel, San Miguel | Apopa, San Salvador | Mejicanos, San Salvador",
    "NI": "Managua, Managua | León, León | Bluefields, Costa Caribe Sur",
    "CR": "San José, San José | Limón, Limón | Alajuela, Alajuela | Desamparados, San José"
    " | Puntarenas, Puntarenas",
    "PA": "Ciudad de Panamá, Panamá | Colón, Colón | San Miguelito, Panamá | David, Chiriquí",
    "DO": "Santo Domingo, Distrito Nacional | Santiago de los Caballeros, Santiago"
    " | Santo Domingo Este, Santo Domingo | San Cristóbal, San Cristóbal | La Romana, La Romana",
    "VE": "Caracas, Distrito Capital | Maracaibo, Zulia | Valencia, Carabobo | Barquisimeto, Lara",
    "CU": "La Habana, La Habana | Santiago de Cuba, Santiago de Cuba",
    "BR": "São Paulo, São Paulo | Rio de Janeiro, Rio de Janeiro | Recife, Pernambuco | Salvador, Bahia"
    " | Fortaleza, Ceará | Belo Horizonte, Minas Gerais | Porto Alegre, Rio Grande do Sul | Belém, Pará"
    " | Manaus, Amazonas | Vitória, Espírito Santo | Curitiba, Paraná | Maceió, Alagoas"
    " | Diadema, São Paulo | Niterói, Rio de Janeiro | João Pessoa, Paraíba | Natal, Rio Grande do Norte"
    " | Goiânia, Goiás | Brasília, Distrito Federal | Aracaju, Sergipe | São Luís, Maranhão"
    " | Teresina, Piauí | Florianópolis, Santa Catarina | Canoas, Rio Grande do Sul"
    " | Contagem, Minas Gerais | Cuiabá, Mato Grosso | Duque de Caxias, Rio de Janeiro",
    "JM": "Kingston, Kingston | Montego Bay, St James | Spanish Town, St Catherine | May Pen, Clarendon"
    " | Portmore, St Catherine | Mandeville, Manchester",
    "TT": "Port of Spain, Port of Spain | San Fernando, San Fernando | Chaguanas, Chaguanas | Arima, Arima"
    " | Laventille, San Juan-Laventille | Point Fortin, Point Fortin",
    "GY": "Georgetown, Demerara-Mahaica | Linden, Upper Demerara-Berbice"
    " | New Amsterdam, East Berbice-Corentyne",
    "BZ": "Belize City, Belize District | Belmopan, Cayo | Dangriga, Stann Creek",
    "BS": "Nassau, New Providence | Freeport, Grand Bahama",
    "BB": "Bridgetown, Saint Michael | Speightstown, Saint Peter",
    "LC": "Castries, Castries | Vieux Fort, Vieux Fort",
    "KN": "Basseterre, Saint George Basseterre",
    "VC": "Kingstown, Saint George",
    "GD": "St George's, Saint George",
    "AG": "St John's, Saint John",
    "DM": "Roseau, Saint George",
    "HT": "Port-au-Prince, Ouest | Cap-Haïtien, Nord",
    "SR": "Paramaribo, Paramaribo",
}

# Country weights by language of the text: mostly the countries where the language is spoken.
COUNTRY_WEIGHTS = {
    "es": {
        "MX": 16, "CO": 16, "HN": 7, "SV": 7, "GT": 6, "AR": 6, "CL": 6, "PE": 6, "EC": 5, "CR": 4,
        "DO": 4, "PA": 3, "BO": 3, "UY": 3, "PY": 2, "VE": 2, "NI": 1, "CU": 0.5, "BR": 2, "JM": 0.5,
    },
    "pt": {"BR": 92, "UY": 1.5, "PY": 1.5, "AR": 1.5, "CO": 1, "MX": 1, "BO": 1, "JM": 0.5},
    "en": {
        "JM": 25, "TT": 20, "GY": 8, "BZ": 6, "BS": 5, "BB": 5, "LC": 3, "KN": 2, "VC": 2, "GD": 2,
        "AG": 2, "DM": 1, "HT": 2, "SR": 1, "MX": 3, "CO": 3, "BR": 3, "HN": 2, "SV": 2, "GT": 2,
    },
}  # fmt: skip

COUNTRIES = tuple(sorted(PLACES))
_CULTURE = dict.fromkeys(COUNTRIES, "es")
_CULTURE["BR"] = "pt"
_CULTURE.update(dict.fromkeys(("JM", "TT", "GY", "BZ", "BS", "BB", "LC", "KN", "VC", "GD", "AG", "DM"), "en"))
_CULTURE.update(HT="en", SR="en")
_NO_SYNTHETIC_CITIES = {"HT", "SR", "KN", "VC", "GD", "AG", "DM", "CU"}

# Country names per language as "name" or "article name" (for contractions: en el / no / in the).
_COUNTRY_NAMES = {
    "es": "AR Argentina | BO Bolivia | BR Brasil | CL Chile | CO Colombia | CR Costa Rica | CU Cuba"
    " | DO la República Dominicana | EC Ecuador | SV El Salvador | GT Guatemala | HN Honduras | MX México"
    " | NI Nicaragua | PA Panamá | PY Paraguay | PE Perú | UY Uruguay | VE Venezuela | JM Jamaica"
    " | TT Trinidad y Tobago | GY Guyana | BZ Belice | BS las Bahamas | BB Barbados | LC Santa Lucía"
    " | KN San Cristóbal y Nieves | VC San Vicente y las Granadinas | GD Granada | AG Antigua y Barbuda"
    " | DM Dominica | HT Haití | SR Surinam",
    "pt": "AR a Argentina | BO a Bolívia | BR o Brasil | CL o Chile | CO a Colômbia | CR a Costa Rica"
    " | CU Cuba | DO a República Dominicana | EC o Equador | SV El Salvador | GT a Guatemala | HN Honduras"
    " | MX o México | NI a Nicarágua | PA o Panamá | PY o Paraguai | PE o Peru | UY o Uruguai"
    " | VE a Venezuela | JM a Jamaica | TT Trinidad e Tobago | GY a Guiana | BZ Belize | BS as Bahamas"
    " | BB Barbados | LC Santa Lúcia | KN São Cristóvão e Névis | VC São Vicente e Granadinas"
    " | GD Granada | AG Antígua e Barbuda | DM a Dominica | HT o Haiti | SR o Suriname",
    "en": "AR Argentina | BO Bolivia | BR Brazil | CL Chile | CO Colombia | CR Costa Rica | CU Cuba"
    " | DO the Dominican Republic | EC Ecuador | SV El Salvador | GT Guatemala | HN Honduras | MX Mexico"
    " | NI Nicaragua | PA Panama | PY Paraguay | PE Peru | UY Uruguay | VE Venezuela | JM Jamaica"
    " | TT Trinidad and Tobago | GY Guyana | BZ Belize | BS the Bahamas | BB Barbados | LC Saint Lucia"
    " | KN Saint Kitts and Nevis | VC Saint Vincent and the Grenadines | GD Grenada"
    " | AG Antigua and Barbuda | DM Dominica | HT Haiti | SR Suriname",
}
# Brazilian states and cities that take an article in Portuguese (da Bahia, no Rio de Janeiro).
_PT_ARTICLE = {
    "Bahia": "a", "Paraíba": "a", "Ceará": "o", "Pará": "o", "Paraná": "o", "Rio de Janeiro": "o",
    "Rio Grande do Sul": "o", "Rio Grande do Norte": "o", "Espírito Santo": "o", "Amazonas": "o",
    "Distrito Federal": "o", "Maranhão": "o", "Piauí": "o",
}  # fmt: skip
_PT_CONTRACT = {("de", "o"): "do", ("de", "a"): "da", ("de", "os"): "dos", ("de", "as"): "das",
                ("em", "o"): "no", ("em", "a"): "na", ("em", "os"): "nos", ("em", "as"): "nas"}  # fmt: skip

# Synthetic city names: "{}" is a generated name from the country's culture.
_SYNTHETIC_CITIES = {
    "es": [
        "{}",
        "{}",
        "Villa {}",
        "Puerto {}",
        "{} del Valle",
        "San José de {}",
        "Nueva {}",
        "Santa Rosa de {}",
    ],
    "pt": ["{}", "{}", "Vila {}", "{} do Sul", "Nova {}", "São José do {}", "Porto {}", "{} da Serra"],
    "en": ["{}", "{}", "Port {}", "{} Town", "New {}", "{} Village"],
}

# --------------------------------------------------------------------------------------------------
# Generated rare names: every combination of start, middle and end, visited with a coprime stride so
# consecutive names differ; the first POOL_SIZE distinct ones form the pool of a culture.

POOL_SIZE = 3_500
_NAME_PARTS = {
    "es": (
        "Al Ar Bal Bar Be Ca Cal Cas Cor Du El Es Fa Fer Ga Gar Gu Ir Ja La Lar Le Lo Ma Mar Me Mo Na Ne Ol"
        " Or Pa Pe Pi Que Ra Re Ri Ro Sa Se So Ta Te To Ur Va Ve Vi Ya Za Zu Cha Chi Hue Tla Xo Ji",
        "- ba ca da la lo ma me ni ra re ri ro ta va ye ce go ne gue tza hua",
        "dez ga lla rro ños ral via tes ño na les nal ya cio són rín tán zar quez ñas mo llo ca res pan"
        " tlán güe co",
    ),
    "pt": (
        "Ita Ibi Ara Pira Jaca Cara Guara Ipa Itu Tau Mara Para Capi Jagua Cama Uba Cata Ica Jara Pita Ana"
        " Boa Al Bar Cas Fi Gon Ma Mo Na Pe Ri Sal Ta Ve Bo Co Fer Lu Ser",
        "- ba ca pi tu ra ma qui gua ja ri ti lu xi ce ga mi ru bo la",
        "ba tuba guaçu mirim tiba tinga ranga poã jaí cema pava riba quara eira inho ães ão ança ópolis"
        " lândia ema aú ira aba ana",
    ),
    "en": (
        "Ash Bel Black Brook Cedar Clar Craig Cross Dun Elm Fair Glen Green Hale Hart Hill Kings Lang Mill"
        " Moss New Oak Pem Red Rich Rose Spring Stan Stone Sum Wat West White Wood May Bay Castle Mont"
        " Orange",
        "- er ing ley ton en ham on ry",
        "ville field wood ford by well view dale more stead ton worth brook gate side land mount hurst"
        " combe bury wick haven",
    ),
}


_TRIPLE = re.compile(r"(.)\1\1")


@cache
def name_pool(culture: str) -> tuple[str, ...]:
    """The generated names of a culture, most frequent first (deterministic, no randomness)."""
    starts, mids, ends = (part.split() for part in _NAME_PARTS[culture])
    mids = ["" if m == "-" else m for m in mids]
    total = len(starts) * len(mids) * len(ends)
    stride = 7919
    while gcd(stride, total) != 1:
        stride += 2
    names: dict[str, None] = {}
    for i in range(total):
        k = (i * stride) % total
        k, e = divmod(k, len(ends))
        s, m = divmod(k, len(mids))
        name = starts[s] + mids[m] + ends[e]
        if not _TRIPLE.search(name):
            names[name] = None
        if len(names) == POOL_SIZE:
            return tuple(names)
    raise ValueError(f"fewer than {POOL_SIZE} names for {culture}")


# --------------------------------------------------------------------------------------------------
# Per-language vocabulary. Noun phrases in Spanish and Portuguese carry their gender and number
# (m, f, mp, fp) for articles and adjective agreement; English ones take "the" unless marked "0:".
# Every list runs from common to rare.

_ES = {
    "articles": (("el", "la", "los", "las"), ("del", "de la", "de los", "de las"),
                 ("en el", "en la", "en los", "en las"), ("al", "a la", "a los", "a las")),
    "nouns": """
m:sistema de seguimiento | f:coordinación interinstitucional | f:participación comunitaria
m:diagnóstico territorial | f:capacitación de funcionarios | mp:mecanismos de monitoreo
f:gestión de la información | mp:protocolos de actuación | f:articulación con la sociedad civil
m:trabajo en red | mp:espacios de diálogo | fp:mesas de trabajo | m:plan de acción | f:línea de base
mp:indicadores de gestión | f:estrategia de comunicación | fp:capacidades institucionales
m:modelo de gestión | f:focalización territorial | mp:recursos humanos | m:presupuesto | f:infraestructura
mp:equipos psicosociales | fp:rutas de atención | m:registro de casos | fp:visitas de seguimiento
f:evaluación de impacto | f:evaluación de proceso | m:enfoque de género | m:enfoque de derechos
fp:alianzas público-privadas | m:liderazgo local | f:confianza institucional | f:respuesta institucional
m:acompañamiento técnico | f:formación de formadores | mp:talleres comunitarios
fp:campañas de sensibilización
m:sistema de alertas tempranas | fp:redes de apoyo | f:cobertura territorial | m:tiempo de respuesta
f:calidad de los datos | fp:bases de datos administrativas | m:intercambio de información
f:planificación operativa | mp:convenios de cooperación | m:financiamiento | fp:reuniones de coordinación
mp:comités barriales | f:gestión de casos | f:supervisión | m:seguimiento de casos | mp:manuales operativos
f:rendición de cuentas | f:transparencia | mp:mecanismos de denuncia | f:atención integral
mp:servicios sociales | f:oferta institucional | m:fortalecimiento institucional | f:cultura ciudadana
f:convivencia pacífica | f:cohesión social | m:capital social | f:gobernanza local | m:control social
fp:organizaciones de base | mp:liderazgos juveniles | f:oferta educativa | fp:oportunidades laborales
m:acceso a la justicia | f:mediación de conflictos | f:resolución pacífica de conflictos
mp:centros comunitarios | mp:espacios seguros | f:movilidad segura | m:entorno escolar | f:plataforma digital
m:tablero de control | m:análisis de datos | f:georreferenciación de denuncias | fp:encuestas de percepción
m:componente psicosocial | f:gestión territorial | f:estrategia de salida | f:escalabilidad
f:sostenibilidad financiera | f:voluntad política | m:cambio de administración | f:rotación de personal
fp:restricciones presupuestarias | fp:tensiones institucionales | f:resistencia al cambio | m:marco normativo
f:ordenanza municipal | m:decreto reglamentario | f:reglamentación | m:protocolo interinstitucional
f:carta de compromiso | m:pacto ciudadano | mp:incentivos | fp:metas de desempeño | f:línea de emergencia
m:centro de mando | fp:patrullas mixtas | m:registro único de víctimas | fp:guías metodológicas
f:cooperación técnica | m:aprendizaje entre pares | f:gestión del conocimiento | fp:buenas prácticas
fp:lecciones aprendidas | m:intercambio de experiencias | f:adaptación local | m:pilotaje
f:réplica en otros municipios | m:escalamiento | f:asistencia técnica | m:voluntariado
f:contratación de personal | f:retención de participantes | f:adherencia al protocolo
f:fidelidad de la implementación | m:costo por participante | f:relación costo-beneficio
m:consentimiento informado | f:protección de datos personales | f:confidencialidad | f:estigmatización
m:desplazamiento del delito | f:difusión de beneficios | m:efecto disuasivo | m:censo barrial
f:caracterización de la población | m:mapeo de actores | f:hoja de ruta | m:cronograma de trabajo
f:veeduría ciudadana | m:cabildo abierto | f:jornada de integración | f:feria de servicios
""",
    "adjectives": """
municipal local comunitario territorial integral preventivo institucional participativo focalizado
sostenible nacional regional interinstitucional policial judicial social educativo urbano juvenil
familiar público especializado operativo estratégico permanente piloto nuevo mensual semanal técnico
administrativo psicosocial georreferenciado intersectorial descentralizado coordinado efectivo eficaz
oportuno inicial específico básico mínimo adecuado conjunto sistemático periódico digital voluntario
formal informal colectivo individual temprano intensivo selectivo obligatorio integrado independiente
innovador transparente articulado ampliado renovado común
""",
    "actors": """
m:programa | f:alcaldía | m:gobierno municipal | f:secretaría de seguridad | f:policía municipal
f:policía nacional | m:equipo técnico | m:consejo municipal de seguridad | f:gobernación | f:fiscalía
f:organización ejecutora | m:observatorio del delito | f:unidad de prevención | m:comité de seguimiento
f:mesa interinstitucional | f:red de organizaciones comunitarias | m:gobierno nacional | f:intervención
f:estrategia | m:ministerio de seguridad | f:defensoría del pueblo | m:poder judicial | f:universidad local
f:fundación ejecutora | f:cooperación internacional
""",
    "populations": """
mp:jóvenes de 14 a 24 años | fp:mujeres víctimas de violencia | mp:estudiantes de secundaria
fp:familias en situación de vulnerabilidad | mp:líderes comunitarios | mp:agentes de policía
mp:comerciantes locales | mp:docentes y directivos escolares | fp:personas privadas de libertad
mp:niños, niñas y adolescentes | mp:residentes de los barrios priorizados | mp:funcionarios municipales
fp:personas migrantes | mp:conductores de transporte público | mp:jóvenes fuera del sistema educativo
mp:padres y madres de familia | fp:organizaciones de mujeres | mp:fiscales y jueces
mp:operadores de justicia
mp:egresados del sistema penitenciario | mp:adultos mayores | mp:promotores juveniles
fp:personas con consumo problemático de sustancias | mp:líderes religiosos | mp:taxistas
mp:vendedores ambulantes | mp:vendedores de mercado
""",
    "areas": """
f:seguridad ciudadana | f:prevención de la violencia | f:convivencia | f:prevención del delito
f:seguridad pública | f:política de seguridad | f:justicia penal | f:política criminal
f:gestión local de la seguridad
""",
    "verbs": """
implementó fortaleció amplió promovió coordinó financió priorizó evaluó diseñó impulsó consolidó
articuló institucionalizó adaptó desarrolló creó mejoró monitoreó supervisó reorganizó revisó documentó
sistematizó focalizó descentralizó incorporó integró lideró gestionó estableció lanzó apoyó transformó
reforzó extendió replicó definió negoció aprobó reguló simplificó digitalizó modernizó reactivó pilotó
cofinanció redefinió
""",
    "infinitives": """
fortalecer ampliar consolidar mejorar institucionalizar articular promover garantizar sostener evaluar
monitorear adaptar escalar focalizar integrar financiar coordinar documentar sistematizar replicar
modernizar descentralizar simplificar supervisar revisar priorizar diseñar implementar extender acompañar
""",
    "reduce": "reducir prevenir disminuir contener atender abordar mitigar enfrentar revertir controlar"
    " desincentivar interrumpir",
    "connectors": """
Además, | Por otra parte, | Asimismo, | Sin embargo, | En este contexto, | En paralelo,
Durante la primera fase,
En la segunda fase, | Con el tiempo, | En consecuencia, | Por ello, | De manera complementaria,
Desde el inicio,
En particular, | No obstante, | Al mismo tiempo, | En términos operativos, | Según el equipo técnico,
De acuerdo con los registros administrativos, | Posteriormente,
""",
    "when": "entre {0} y {1} | entre {0} y {1} | desde {0} | en {0} | a partir de {0} | durante {2} años",
    "places": """
{icity} | {icity} | en el barrio {R} | en el sector {R} | en la colonia {R} | en el asentamiento {R}
en los barrios priorizados | en las zonas de mayor incidencia delictiva | en {Q} municipios {dunit}
en el centro {dcity} | en la periferia {dcity} | en los barrios {R} y {R} | en el área metropolitana {dcity}
{icountry} | en la comuna {R}
""",
    "methods": """
mediante mesas de trabajo interinstitucionales | a través de convenios con organizaciones de la sociedad civil
con apoyo de la cooperación internacional | con recursos del presupuesto municipal
mediante un sistema de seguimiento mensual | a partir de un diagnóstico participativo
con base en la evidencia disponible | mediante la focalización territorial
con la participación de líderes comunitarios | mediante la capacitación de funcionarios
a través de una plataforma digital de gestión de casos | con el acompañamiento de una universidad local
mediante {N} | a través {dN} | con apoyo {dA} | en alianza con {O} | a partir {dN} | con la participación {dP}
con recursos {dA}
""",
    "sentences": """
{C} {A} {V} {Tr} {L}.
{A} {V} {N} {M}.
{C} {A} {V} {N} {dN} {L}.
El objetivo principal fue {Vr} {Tp} {L}.
El programa buscó {Vr} {Tp} mediante {Tr} y {N}.
{W}, {A} {V} {Tr} en {Q} barrios {dcity}.
La intervención se centró en {Tr} y en {N} {dN}.
Uno de los principales desafíos fue {N} {dN}, en un contexto de {bTp}.
{P} participaron en {N} {M}.
La coordinación entre {A} y {A} permitió {Vi} {N} {L}.
{C} se priorizaron {Q} barrios con altos niveles de {bTp}.
El diagnóstico inicial identificó {Tp} como el principal problema {dG} {L}.
Las acciones incluyeron {Tr}, {N} y {N}.
{C} el equipo técnico {V} {N} para {Vi} {N}.
La estrategia combinó {Tr} con {N}, con énfasis en {P}.
Según los registros {dA}, la mayor parte de los casos de {bTp} se concentraba en {Q} barrios {dcity}.
{C} {A} {V} {N} en coordinación con {O}.
El componente de {bTr} {V} {N} {L}.
Los resultados muestran avances en {N}, aunque persisten problemas de {bTp}.
{C} la evaluación de proceso documentó {N} y {N}.
La sostenibilidad {dN} dependió {dN} y {dN}.
{W}, {O} {V} {Tr} como parte {dG}.
Para {Vr} {Tp}, {A} {V} {N} {M}.
Los equipos de campo trabajaron con {P} {L}.
Esta experiencia muestra la importancia {dN} para el éxito {dTr}.
{C} {A} {V} un protocolo para {Vi} {N} {L}.
El presupuesto anual del programa se destinó principalmente {aN} y {aTr}.
{C} el problema {dTp} afectaba especialmente {aP} {L}.
Los indicadores {dTp} {L} superaban el promedio nacional {W}.
Una lección clave fue la necesidad {dN} desde el diseño del programa.
Se propuso {Vi} {N} y {Vr} {Tp} {L}.
""",
    "summaries": """
{O} implementó {Tr} {L} {W} con el fin de {Vr} {Tp}.
{W}, {O} puso en marcha una estrategia de {bTr} {L} para {Vr} {Tp}.
Esta práctica combina {Tr} y {N} para {Vr} {Tp} {L}.
""",
    "titles": """
{K} de {TT} {icity} | {K} de {TT} {icity} | {K} de {TT} {icity} | {K} de {TT} y {TT2} {icity}
{PN}: {TT} {icity} | {K} {PN} {icity} | {TT} en el barrio {R} de {city} | {K} de {TT} {icity}, {country}
""",
    "kinds": "Programa | Estrategia | Proyecto | Iniciativa | Plan | Modelo | Política municipal"
    " | Intervención"
    " | Experiencia piloto | Sistema",
    "programme_names": (
        "Barrios | Jóvenes | Comunidades | Territorios | Calles | Escuelas | Ciudades | Familias | Mujeres"
        " | Parques | Plazas | Municipios | Vecinos",
        "de Paz | en Paz | con Futuro | sin Violencia | para la Vida | de Oportunidades | en Movimiento"
        " | de Convivencia | por la Vida | con Derechos | de Esperanza",
    ),
    "organisations": """
f:Secretaría de Seguridad {dcity} | f:Alcaldía {dcity} | f:Municipalidad {dcity}
m:Ministerio de Seguridad Pública | m:Ministerio del Interior | m:Ministerio de Justicia y Derechos Humanos
f:Policía Nacional {dcountry} | m:Observatorio de Seguridad Ciudadana {dcity} | f:Fundación {R}
f:Fundación {R} {R} | m:Centro de Estudios sobre Violencia y Convivencia
m:Instituto {R} de Estudios sobre Seguridad
f:Gobernación {dunit} | m:Consejo Municipal de Seguridad {dcity} | f:Asociación {R} para la Convivencia
f:Red de Mujeres {dcity} | f:Universidad {R} | f:Corporación {R} | f:Fiscalía General {dcountry}
f:Defensoría del Pueblo {dcountry}
""",
    "outcomes": """
tasa de homicidios por 100.000 habitantes | percepción de inseguridad | victimización autorreportada
+confianza en la policía | denuncias de delitos | delitos violentos registrados | robos a personas
lesiones personales | llamadas a la línea de emergencia | +percepción de seguridad en el barrio
""",
    "positive": "confianza en la policía | percepción de seguridad | asistencia escolar | empleo formal"
    " | denuncia de delitos | cohesión social | satisfacción con los servicios",
    "qualifiers": "en los barrios intervenidos | a los 12 meses | según registros administrativos"
    " | según la encuesta de victimización | en el grupo de tratamiento | a los 24 meses de seguimiento",
    "results": """
Reducción estimada de {pct} % en {OUT} en el grupo de tratamiento frente al de comparación.
Reducción estimada en el grupo de tratamiento frente al de comparación en {OUT}, con un intervalo de
+ confianza amplio.
Disminución de {pct} % en {OUT} en las zonas intervenidas respecto de las zonas de control.
No se encontraron diferencias estadísticamente significativas en {OUT} entre el grupo de tratamiento y
+ el de comparación.
Aumento de {pp} puntos porcentuales en {POS} entre los participantes frente al grupo de comparación.
Efectos mixtos: mejora en {POS} sin cambios detectables en {OUT}.
Reducción de {pct} % en {OUT} a los {months} meses, que se atenuó en el seguimiento posterior.
Los resultados preliminares sugieren una disminución en {OUT}, aunque la evaluación no contó con un
+ grupo de comparación.
""",
}  # fmt: skip

_PT = {
    "articles": (("o", "a", "os", "as"), ("do", "da", "dos", "das"), ("no", "na", "nos", "nas"),
                 ("ao", "à", "aos", "às")),
    "nouns": """
m:sistema de monitoramento | f:articulação interinstitucional | f:participação comunitária
m:diagnóstico territorial | f:capacitação de servidores | mp:mecanismos de acompanhamento
f:gestão da informação | mp:protocolos de atuação | f:articulação com a sociedade civil
m:trabalho em rede | mp:espaços de diálogo | fp:mesas de trabalho | m:plano de ação | f:linha de base
mp:indicadores de gestão | f:estratégia de comunicação | fp:capacidades institucionais
m:modelo de gestão | f:focalização territorial | mp:recursos humanos | m:orçamento | f:infraestrutura
fp:equipes psicossociais | mp:fluxos de atendimento | m:registro de casos | fp:visitas de acompanhamento
f:avaliação de impacto | f:avaliação de processo | f:perspectiva de gênero | f:abordagem de direitos
fp:parcerias público-privadas | f:liderança local | f:confiança institucional | f:resposta institucional
m:apoio técnico | f:formação de multiplicadores | fp:oficinas comunitárias | fp:campanhas de sensibilização
m:sistema de alerta precoce | fp:redes de apoio | f:cobertura territorial | m:tempo de resposta
f:qualidade dos dados | fp:bases de dados administrativas | m:compartilhamento de informações
m:planejamento operacional | mp:acordos de cooperação | m:financiamento | fp:reuniões de coordenação
mp:comitês de bairro | f:gestão de casos | f:supervisão | m:acompanhamento de casos | mp:manuais operacionais
f:prestação de contas | f:transparência | mp:canais de denúncia | f:atenção integral
mp:serviços socioassistenciais | f:oferta de serviços públicos | m:fortalecimento institucional
f:cultura cidadã | f:convivência pacífica | f:coesão social | m:capital social | f:governança local
m:controle social | fp:organizações de base | fp:lideranças juvenis | f:oferta educacional
fp:oportunidades de trabalho | m:acesso à justiça | f:mediação de conflitos
f:resolução pacífica de conflitos
mp:centros comunitários | mp:espaços seguros | f:mobilidade segura | m:entorno escolar | f:plataforma digital
m:painel de gestão | f:análise de dados | m:georreferenciamento de ocorrências | fp:pesquisas de percepção
m:componente psicossocial | f:gestão territorial | f:estratégia de saída | f:escalabilidade
f:sustentabilidade financeira | f:vontade política | f:mudança de gestão | f:rotatividade de pessoal
fp:restrições orçamentárias | fp:tensões institucionais | f:resistência à mudança | m:marco normativo
f:lei municipal | m:decreto regulamentador | f:regulamentação | m:protocolo interinstitucional
m:termo de compromisso | m:pacto comunitário | mp:incentivos | fp:metas de desempenho
f:central de emergência | m:centro integrado de comando | fp:patrulhas integradas
m:cadastro único de vítimas
mp:guias metodológicos | f:cooperação técnica | f:aprendizagem entre pares | f:gestão do conhecimento
fp:boas práticas | fp:lições aprendidas | f:troca de experiências | f:adaptação local | f:fase piloto
f:replicação em outros municípios | f:expansão gradual | f:assessoria técnica | m:voluntariado
f:contratação de pessoal | f:retenção de participantes | f:adesão ao protocolo
f:fidelidade da implementação | m:custo por participante | f:relação custo-benefício
m:consentimento informado | f:proteção de dados pessoais | f:confidencialidade | f:estigmatização
m:deslocamento do crime | f:difusão de benefícios | m:efeito dissuasório | m:censo comunitário
f:caracterização do território | m:mapeamento de atores | m:roteiro de trabalho | m:cronograma de execução
f:fiscalização cidadã | f:audiência pública | m:mutirão de serviços | f:feira de serviços
""",
    "adjectives": """
municipal local comunitário territorial integral preventivo institucional participativo focalizado
sustentável nacional regional interinstitucional policial judicial social educativo urbano juvenil
familiar público especializado operacional estratégico permanente piloto novo mensal semanal técnico
administrativo psicossocial georreferenciado intersetorial descentralizado coordenado efetivo eficaz
oportuno inicial específico básico mínimo adequado conjunto sistemático periódico digital voluntário
formal informal coletivo individual precoce intensivo seletivo obrigatório integrado independente
inovador transparente articulado ampliado renovado comum
""",
    "actors": """
m:programa | f:prefeitura | m:governo municipal | f:secretaria de segurança | f:guarda municipal
f:polícia militar | f:polícia civil | f:equipe técnica | m:conselho municipal de segurança
m:governo estadual
m:ministério público | f:organização executora | m:observatório de segurança | m:núcleo de prevenção
m:comitê gestor | m:gabinete de gestão integrada | f:rede de organizações comunitárias | m:governo federal
f:intervenção | f:estratégia | f:defensoria pública | m:tribunal de justiça | f:universidade parceira
f:fundação executora | f:cooperação internacional
""",
    "populations": """
mp:jovens de 14 a 24 anos | fp:mulheres em situação de violência | mp:estudantes do ensino médio
fp:famílias em situação de vulnerabilidade | fp:lideranças comunitárias | mp:policiais
mp:comerciantes locais | mp:professores e gestores escolares | fp:pessoas privadas de liberdade
fp:crianças e adolescentes | mp:moradores dos bairros prioritários | mp:servidores municipais
fp:pessoas migrantes | mp:motoristas de ônibus | mp:jovens fora da escola | fp:mães, pais e responsáveis
fp:organizações de mulheres | mp:promotores e juízes | mp:operadores do sistema de justiça
mp:egressos do sistema prisional | fp:pessoas idosas | mp:agentes comunitários
fp:pessoas em uso problemático de drogas | fp:lideranças religiosas | mp:taxistas | mp:vendedores ambulantes
mp:feirantes
""",
    "areas": """
f:segurança pública | f:prevenção da violência | f:segurança cidadã | f:prevenção do crime | f:convivência
f:política de segurança | f:justiça criminal | f:política criminal | f:gestão municipal da segurança
""",
    "verbs": """
implementou fortaleceu ampliou promoveu coordenou financiou priorizou avaliou elaborou impulsionou
consolidou articulou institucionalizou adaptou desenvolveu criou melhorou monitorou supervisionou
reorganizou revisou documentou sistematizou focalizou descentralizou incorporou integrou liderou geriu
estabeleceu lançou apoiou transformou reforçou expandiu replicou definiu pactuou aprovou regulamentou
simplificou digitalizou modernizou reativou qualificou cofinanciou redefiniu
""",
    "infinitives": """
fortalecer ampliar consolidar melhorar institucionalizar articular promover garantir sustentar avaliar
monitorar adaptar escalar focalizar integrar financiar coordenar documentar sistematizar replicar
modernizar descentralizar simplificar supervisionar revisar priorizar desenhar implementar expandir
acompanhar
""",
    "reduce": "reduzir prevenir diminuir conter enfrentar combater mitigar reverter controlar interromper"
    " desestimular",
    "connectors": """
Além disso, | Por outro lado, | Da mesma forma, | No entanto, | Nesse contexto, | Paralelamente,
Na primeira fase, | Na segunda fase, | Com o tempo, | Em consequência, | Por isso, | De forma complementar,
Desde o início, | Em particular, | Ainda assim, | Ao mesmo tempo, | Em termos operacionais,
Segundo a equipe técnica, | De acordo com os registros administrativos, | Posteriormente,
""",
    "when": "entre {0} e {1} | entre {0} e {1} | desde {0} | em {0} | a partir de {0} | durante {2} anos",
    "places": """
{icity} | {icity} | no bairro {R} | na comunidade {R} | no conjunto habitacional {R} | na região de {R}
nos bairros prioritários | nas áreas de maior incidência criminal | em {Q} municípios {dunit}
no centro {dcity} | na periferia {dcity} | nos bairros {R} e {R} | na região metropolitana {dcity}
{icountry} | no loteamento {R}
""",
    "methods": """
por meio de mesas de trabalho interinstitucionais | por meio de convênios com organizações da sociedade civil
com apoio da cooperação internacional | com recursos do orçamento municipal
por meio de um sistema de monitoramento mensal | a partir de um diagnóstico participativo
com base nas evidências disponíveis | por meio da focalização territorial
com a participação de lideranças comunitárias | por meio da capacitação de servidores
por meio de uma plataforma digital de gestão de casos | com o apoio de uma universidade parceira
por meio {dN} | com apoio {dA} | em parceria com {O} | a partir {dN} | com a participação {dP}
com recursos {dA}
""",
    "sentences": """
{C} {A} {V} {Tr} {L}.
{A} {V} {N} {M}.
{C} {A} {V} {N} {dN} {L}.
O objetivo principal foi {Vr} {Tp} {L}.
O programa buscou {Vr} {Tp} por meio {dTr} e {dN}.
{W}, {A} {V} {Tr} em {Q} bairros {dcity}.
A intervenção concentrou-se {eTr} e {eN} {dN}.
Um dos principais desafios foi {N} {dN}, em um contexto de {bTp}.
{P} participaram {dN} {M}.
A coordenação entre {A} e {A} permitiu {Vi} {N} {L}.
{C} foram priorizados {Q} bairros com altos índices de {bTp}.
O diagnóstico inicial identificou {Tp} como o principal problema {dG} {L}.
As ações incluíram {Tr}, {N} e {N}.
{C} a equipe técnica {V} {N} para {Vi} {N}.
A estratégia combinou {Tr} com {N}, com ênfase {eP}.
Segundo os registros {dA}, a maior parte dos casos de {bTp} concentrava-se em {Q} bairros {dcity}.
{C} {A} {V} {N} em articulação com {O}.
O componente de {bTr} {V} {N} {L}.
Os resultados mostram avanços {eN}, embora persistam problemas de {bTp}.
{C} a avaliação de processo documentou {N} e {N}.
A sustentabilidade {dN} dependeu {dN} e {dN}.
{W}, {O} {V} {Tr} como parte {dG}.
Para {Vr} {Tp}, {A} {V} {N} {M}.
As equipes de campo trabalharam com {P} {L}.
Esta experiência mostra a importância {dN} para o êxito {dTr}.
{C} {A} {V} um protocolo para {Vi} {N} {L}.
O orçamento anual do programa foi destinado principalmente {aN} e {aTr}.
{C} o problema {dTp} afetava especialmente {P} {L}.
Os indicadores {dTp} {L} superavam a média nacional {W}.
Uma lição importante foi a necessidade {dN} desde o desenho do programa.
Propôs-se {Vi} {N} e {Vr} {Tp} {L}.
""",
    "summaries": """
{O} implementou {Tr} {L} {W} com o objetivo de {Vr} {Tp}.
{W}, {O} pôs em prática uma estratégia de {bTr} {L} para {Vr} {Tp}.
Esta prática combina {Tr} e {N} para {Vr} {Tp} {L}.
""",
    "titles": """
{K} de {TT} {icity} | {K} de {TT} {icity} | {K} de {TT} {icity} | {K} de {TT} e {TT2} {icity}
{PN}: {TT} {icity} | {K} {PN} {icity} | {TT} no bairro {R}, {city} | {K} de {TT} {icity}, {country}
""",
    "kinds": "Programa | Estratégia | Projeto | Iniciativa | Plano | Modelo | Política municipal"
    " | Intervenção"
    " | Experiência piloto | Pacto",
    "programme_names": (
        "Bairros | Jovens | Comunidades | Territórios | Ruas | Escolas | Cidades | Famílias | Mulheres"
        " | Praças"
        " | Vizinhos | Juventudes",
        "de Paz | em Paz | com Futuro | sem Violência | pela Vida | de Oportunidades | em Movimento"
        " | de Convivência | com Direitos | de Esperança",
    ),
    "organisations": """
f:Secretaria de Segurança Pública {dunit} | f:Prefeitura {dcity} | m:Ministério da Justiça e Segurança Pública
m:Ministério dos Direitos Humanos e da Cidadania | f:Polícia Militar {dunit} | f:Polícia Civil {dunit}
f:Guarda Municipal {dcity} | m:Observatório de Segurança Pública {dcity} | m:Instituto {R} | f:Fundação {R}
f:Defensoria Pública {dunit} | m:Ministério Público {dunit} | m:Tribunal de Justiça {dunit}
f:Associação de Moradores de {R} | m:Núcleo de Estudos da Violência {dcity}
m:Conselho Municipal de Segurança {dcity}
f:Secretaria Municipal de Segurança Cidadã {dcity} | m:Instituto {R} de Pesquisa em Segurança
f:Fundação {R} {R}
""",
    "outcomes": """
taxa de homicídios por 100 mil habitantes | sensação de insegurança | vitimização autorrelatada
+confiança na polícia | registros de ocorrências | crimes violentos registrados | roubos a transeunte
lesões corporais | chamadas ao serviço de emergência | +sensação de segurança no bairro
""",
    "positive": "confiança na polícia | sensação de segurança | frequência escolar | emprego formal"
    " | notificação de crimes | coesão social | satisfação com os serviços",
    "qualifiers": "nos bairros atendidos | após 12 meses | segundo registros administrativos"
    " | segundo a pesquisa de vitimização | no grupo de tratamento | após 24 meses de acompanhamento",
    "results": """
Redução estimada de {pct}% em {OUT} no grupo de tratamento em relação ao grupo de comparação.
Redução estimada no grupo de tratamento em relação ao de comparação em {OUT}, com intervalo de confiança
+ amplo.
Queda de {pct}% em {OUT} nas áreas atendidas em relação às áreas de controle.
Não foram encontradas diferenças estatisticamente significativas em {OUT} entre os grupos de tratamento
+ e comparação.
Aumento de {pp} pontos percentuais em {POS} entre os participantes em relação ao grupo de comparação.
Efeitos mistos: melhora em {POS} sem mudanças detectáveis em {OUT}.
Redução de {pct}% em {OUT} após {months} meses, que se atenuou no acompanhamento posterior.
Os resultados preliminares sugerem queda em {OUT}, mas a avaliação não contou com grupo de comparação.
""",
}  # fmt: skip

_EN = {
    "articles": (("the",) * 4, ("of the",) * 4, ("in the",) * 4, ("to the",) * 4),
    "nouns": """
monitoring system | 0:inter-agency coordination | 0:community participation | territorial assessment
0:staff training | monitoring mechanisms | 0:information management | operating protocols
0:partnership with civil society | 0:networking | dialogue forums | working groups | action plan | baseline
management indicators | communication strategy | 0:institutional capacity | management model
0:geographic targeting | 0:human resources | budget | 0:infrastructure | psychosocial teams
referral pathways | case register | follow-up visits | impact evaluation | process evaluation
gender perspective | rights-based approach | public-private partnerships | 0:local leadership
0:institutional trust | institutional response | 0:technical support | 0:training of trainers
community workshops | awareness campaigns | early warning system | support networks | 0:territorial coverage
response time | 0:data quality | administrative databases | 0:information sharing | 0:operational planning
cooperation agreements | 0:funding | coordination meetings | neighbourhood committees | 0:case management
0:supervision | 0:case follow-up | operations manuals | 0:accountability | 0:transparency
complaint mechanisms | 0:comprehensive care | social services | 0:service provision
0:institutional strengthening | 0:civic culture | 0:peaceful coexistence | 0:social cohesion
0:social capital
0:local governance | 0:community oversight | grassroots organisations | youth leaders | education services
job opportunities | 0:access to justice | 0:conflict mediation | 0:peaceful conflict resolution
community centres | safe spaces | 0:safe mobility | school environment | digital platform
performance dashboard | 0:data analysis | 0:geocoding of crime reports | perception surveys
psychosocial component | 0:territorial management | exit strategy | 0:scalability | 0:financial sustainability
0:political will | change of administration | 0:staff turnover | budget constraints | institutional tensions
0:resistance to change | regulatory framework | municipal by-law | implementing decree
0:implementing regulations | inter-agency protocol | letter of commitment | community pact | incentives
performance targets | emergency line | command centre | joint patrols | victims' register
methodological guides | 0:technical cooperation | 0:peer learning | 0:knowledge management | good practices
lessons learned | 0:exchange of experience | 0:local adaptation | pilot phase
0:replication in other municipalities | 0:scaling up | 0:technical assistance | 0:volunteering
0:staff recruitment | 0:participant retention | 0:protocol adherence | 0:implementation fidelity
cost per participant | cost-benefit ratio | 0:informed consent | 0:personal data protection
0:confidentiality | 0:stigmatisation | 0:crime displacement | 0:diffusion of benefits | deterrent effect
community census | population profile | stakeholder mapping | road map | work schedule | 0:citizen oversight
town hall meeting | community fun day | services fair
""",
    "adjectives": """
municipal local community territorial comprehensive preventive institutional participatory targeted
sustainable national regional inter-agency police judicial social educational urban youth family public
specialised operational strategic permanent pilot new monthly weekly technical administrative psychosocial
georeferenced cross-sector decentralised coordinated effective timely initial specific basic minimum
adequate joint systematic periodic digital voluntary formal informal collective individual early intensive
selective mandatory integrated independent innovative transparent expanded renewed shared
""",
    "actors": """
programme | city council | municipal government | security secretariat | municipal police | national police
technical team | municipal safety council | regional government | public prosecutor's office
implementing organisation | crime observatory | prevention unit | steering committee
inter-agency working group | network of community organisations | national government | intervention
strategy | ministry of national security | ombudsman's office | judiciary | partner university
implementing foundation | donor agency
""",
    "populations": """
young people aged 14 to 24 | women survivors of violence | secondary school students
families in vulnerable situations | community leaders | police officers | local shopkeepers
teachers and head teachers | prisoners | children and adolescents | residents of priority neighbourhoods
municipal officials | migrants | public transport drivers | young people out of school | parents and carers
women's organisations | prosecutors and judges | justice officials | former prisoners | older people
youth workers | people with problematic substance use | faith leaders | taxi drivers | street vendors
market vendors
""",
    "areas": "citizen security | violence prevention | crime prevention | public safety | community safety"
    " | criminal justice | social prevention | local safety",
    "verbs": """
implemented strengthened expanded promoted coordinated funded prioritised evaluated designed launched
consolidated articulated institutionalised adapted developed created improved monitored supervised
reorganised reviewed documented systematised targeted decentralised incorporated integrated led managed
established piloted supported transformed reinforced extended replicated defined negotiated approved
regulated simplified digitised modernised revived co-financed redefined
""",
    "infinitives": """
strengthen expand consolidate improve institutionalise coordinate promote guarantee sustain evaluate
monitor adapt scale_up target integrate fund document systematise replicate modernise decentralise
simplify supervise review prioritise design implement extend support
""",
    "reduce": "reduce prevent curb contain address tackle mitigate reverse control interrupt deter",
    "connectors": """
In addition, | Moreover, | However, | In this context, | In parallel, | In the first phase,
In the second phase,
Over time, | As a result, | For this reason, | In particular, | Nevertheless, | At the same time,
In operational terms, | According to the technical team, | According to administrative records,
Subsequently, | Meanwhile, | Initially, | Building on this,
""",
    "when": "between {0} and {1} | between {0} and {1} | from {0} onwards | in {0} | from {0}"
    " | for {2} years",
    "places": """
{icity} | {icity} | in the {R} community | in the {R} area | in {R} Gardens | in priority neighbourhoods
in the areas with the highest crime rates | in {Q} communities in {unit} | in downtown {city}
on the outskirts of {city} | in the {R} and {R} communities | in the {city} metropolitan area | {icountry}
in inner-city {city}
""",
    "methods": """
through inter-agency working groups | through agreements with civil society organisations
with support from international donors | with funding from the municipal budget
using a monthly monitoring system | based on a participatory assessment | drawing on the available evidence
through geographic targeting | with the participation of community leaders | by training frontline staff
through a digital case management platform | with support from a local university | through {N}
with support from {A} | in partnership with {O} | building on {N} | with the participation of {P}
with funding from {A}
""",
    "sentences": """
{C} {A} {V} {Tr} {L}.
{A} {V} {N} {M}.
{C} {A} {V} {N} {dN} {L}.
The main objective was to {Vr} {Tp} {L}.
The programme sought to {Vr} {Tp} through {Tr} and {N}.
{W}, {A} {V} {Tr} in {Q} neighbourhoods of {city}.
The intervention focused on {Tr} and on {N} {dN}.
One of the main challenges was {N} {dN}, in a context of {Tp}.
{P} took part in {N} {M}.
Coordination between {A} and {A} made it possible to {Vi} {N} {L}.
{C} {Q} neighbourhoods with high levels of {Tp} were prioritised.
The initial assessment identified {Tp} as the main {G} problem {L}.
Activities included {Tr}, {N} and {N}.
{C} the technical team {V} {N} to {Vi} {N}.
The strategy combined {Tr} with {N}, with an emphasis on {P}.
According to records {dA}, most cases of {Tp} were concentrated in {Q} neighbourhoods of {city}.
{C} {A} {V} {N} in coordination with {O}.
The {Tr} component {V} {N} {L}.
The results show progress in {N}, although problems of {Tp} persist.
{C} the process evaluation documented {N} and {N}.
The sustainability {dN} depended on {N} and {N}.
{W}, {O} {V} {Tr} as part of its {G} agenda.
To {Vr} {Tp}, {A} {V} {N} {M}.
Field teams worked with {P} {L}.
This experience shows the importance {dN} for the success {dTr}.
{C} {A} {V} a protocol to {Vi} {N} {L}.
Most of the annual budget of the programme went {aN} and to {Tr}.
{C} the problem {dTp} particularly affected {P} {L}.
Indicators {dTp} {L} exceeded the national average {W}.
A key lesson was the need for {N} from the design stage of the programme.
The aim was to {Vi} {N} and {Vr} {Tp} {L}.
""",
    "summaries": """
{O} implemented {Tr} {L} {W} in order to {Vr} {Tp}.
{W}, {O} launched a strategy based on {Tr} {L} to {Vr} {Tp}.
This practice combines {Tr} and {N} to {Vr} {Tp} {L}.
""",
    "titles": """
{TT} {K} {icity} | {TT} {K} {icity} | {TT} {K} {icity} | {TT} and {TT2} {K} {icity} | {PN}: {TT} {icity}
The {PN} {K} {icity} | {TT} in the {R} community, {city} | {TT} {K} {icity}, {country}
""",
    "kinds": "programme | strategy | project | initiative | plan | model | pilot | intervention | partnership"
    " | scheme",
    "programme_names": (
        "Safe | Safer | Stronger | Brighter | United | Peaceful | Open | Thriving | Healthy | Better",
        "Streets | Communities | Neighbourhoods | Futures | Schools | Families | Corners | Youth"
        " | Parks | Cities",
    ),
    "organisations": """
Ministry of National Security | Ministry of Justice | {city} City Council | {city} Municipal Corporation
Police Service {dcountry} | {R} Foundation | {R} Institute for Public Safety | {R} Community Development Trust
Citizen Security Secretariat | {unit} Regional Health Authority | Crime Observatory {dcity}
National Council on Crime Prevention | Office of the Public Defender | {R} Youth Network | University {dcity}
{city} Women's Centre | {R} and {R} Associates
""",
    "outcomes": """
homicide rate per 100,000 inhabitants | fear of crime | self-reported victimisation | +trust in the police
crime reports | recorded violent crime | street robberies | assaults | calls to the emergency line
+perceived safety in the neighbourhood
""",
    "positive": "trust in the police | perceived safety | school attendance | formal employment"
    " | crime reporting | social cohesion | satisfaction with services",
    "qualifiers": "in treated neighbourhoods | at 12 months | according to administrative records"
    " | according to the victimisation survey | in the treatment group | at 24-month follow-up",
    "results": """
Estimated reduction of {pct}% in {OUT} in the treatment group relative to the comparison group.
Estimated reduction in {OUT} in the treatment group relative to the comparison group, with a wide
+ confidence interval.
A {pct}% fall in {OUT} in treated areas compared with control areas.
No statistically significant differences in {OUT} between the treatment and comparison groups.
An increase of {pp} percentage points in {POS} among participants relative to the comparison group.
Mixed effects: improvement in {POS} with no detectable change in {OUT}.
A {pct}% reduction in {OUT} at {months} months, which faded at later follow-up.
Preliminary results suggest a fall in {OUT}, but the evaluation had no comparison group.
""",
}  # fmt: skip

# --------------------------------------------------------------------------------------------------
# Themes, from the most to the least common. Per language: p = problems, r = responses (noun phrases),
# t = title phrases, o = outcomes measured.

_THEMES = [
    {  # youth violence
        "es": {
            "p": "f:violencia juvenil | mp:jóvenes en riesgo | fp:pandillas juveniles | f:deserción escolar"
            " | m:reclutamiento de adolescentes por grupos criminales | m:consumo de drogas en adolescentes",
            "r": "f:mentoría | mp:programas de habilidades socioemocionales | f:terapia cognitivo-conductual"
            " | mp:programas deportivos | f:formación laboral para jóvenes | mp:centros juveniles"
            " | mp:clubes de tareas",
            "t": "prevención de la violencia juvenil | atención a jóvenes en riesgo"
            " | oportunidades para jóvenes en riesgo",
            "o": "homicidios de jóvenes de 15 a 29 años"
            " | participación autorreportada en hechos violentos | deserción escolar",
        },
        "pt": {
            "p": "f:violência juvenil | mp:jovens em situação de risco | fp:gangues juvenis"
            " | f:evasão escolar"
            " | m:aliciamento de adolescentes pelo tráfico | m:uso de drogas entre adolescentes",
            "r": "f:mentoria | mp:programas de habilidades socioemocionais"
            " | f:terapia cognitivo-comportamental"
            " | fp:atividades esportivas | f:qualificação profissional para jovens | mp:centros de juventude"
            " | m:reforço escolar",
            "t": "prevenção da violência juvenil | atenção a jovens em situação de risco"
            " | oportunidades para jovens em situação de risco",
            "o": "homicídios de jovens de 15 a 29 anos"
            " | envolvimento autorrelatado em episódios violentos | evasão escolar",
        },
        "en": {
            "p": "youth violence | at-risk young people | youth gangs | school dropout"
            " | recruitment of adolescents by criminal groups | drug use among adolescents",
            "r": "mentoring | socio-emotional skills programmes | cognitive behavioural therapy"
            " | sports programmes | vocational training for young people | youth centres"
            " | after-school tutoring",
            "t": "youth violence prevention | support for at-risk young people"
            " | opportunities for at-risk youth",
            "o": "homicides of young people aged 15 to 29 | self-reported involvement in violence"
            " | school dropout",
        },
    },
    {  # homicide
        "es": {
            "p": "mp:homicidios | f:violencia letal | fp:muertes violentas | fp:lesiones por arma de fuego"
            " | mp:ajustes de cuentas",
            "r": "m:análisis de homicidios | fp:mesas de reducción de homicidios"
            " | f:investigación criminal focalizada"
            " | m:esclarecimiento de homicidios | fp:unidades especializadas en homicidios",
            "t": "reducción de homicidios | prevención de la violencia letal",
            "o": "tasa de homicidios por 100.000 habitantes | número de muertes violentas"
            " | +tasa de esclarecimiento de homicidios",
        },
        "pt": {
            "p": "mp:homicídios | f:letalidade violenta | fp:mortes violentas intencionais"
            " | mp:crimes violentos letais intencionais | fp:lesões por arma de fogo",
            "r": "f:análise de homicídios | fp:câmaras técnicas de redução de homicídios"
            " | f:investigação criminal focalizada | m:esclarecimento de homicídios"
            " | fp:delegacias especializadas em homicídios",
            "t": "redução de homicídios | prevenção da letalidade violenta",
            "o": "taxa de homicídios por 100 mil habitantes | número de mortes violentas intencionais"
            " | +taxa de esclarecimento de homicídios",
        },
        "en": {
            "p": "homicides | lethal violence | violent deaths | gunshot injuries | retaliatory killings",
            "r": "homicide review panels | targeted criminal investigation | homicide case clearance"
            " | specialised homicide units | homicide analysis",
            "t": "homicide reduction | lethal violence prevention",
            "o": "homicide rate per 100,000 inhabitants | number of violent deaths"
            " | +homicide clearance rate",
        },
    },
    {  # community policing
        "es": {
            "p": "f:desconfianza hacia la policía | f:baja tasa de denuncia"
            " | fp:relaciones tensas entre policía y comunidad | m:abuso policial",
            "r": "f:policía comunitaria | m:patrullaje a pie | mp:cuadrantes policiales"
            " | mp:consejos comunitarios de seguridad | fp:reuniones vecinales con la policía"
            " | f:policía de proximidad",
            "t": "policía comunitaria | policía de proximidad | patrullaje por cuadrantes",
            "o": "+confianza en la policía | +tasa de denuncia de delitos"
            " | +percepción de seguridad en el barrio",
        },
        "pt": {
            "p": "f:desconfiança em relação à polícia | f:subnotificação de crimes"
            " | fp:relações tensas entre polícia e comunidade | f:violência policial",
            "r": "m:policiamento comunitário | m:patrulhamento a pé | fp:bases comunitárias de segurança"
            " | mp:conselhos comunitários de segurança | fp:reuniões de bairro com a polícia"
            " | m:policiamento de proximidade",
            "t": "policiamento comunitário | policiamento de proximidade | polícia comunitária nos bairros",
            "o": "+confiança na polícia | +taxa de notificação de crimes | +sensação de segurança no bairro",
        },
        "en": {
            "p": "distrust of the police | under-reporting of crime | tense police-community relations"
            " | police abuse",
            "r": "community policing | foot patrols | neighbourhood policing teams"
            " | community safety councils"
            " | police-community meetings | proximity policing",
            "t": "community policing | neighbourhood policing | proximity policing",
            "o": "+trust in the police | +crime reporting rate | +perceived safety in the neighbourhood",
        },
    },
    {  # domestic violence
        "es": {
            "p": "f:violencia doméstica | f:violencia contra las mujeres | m:feminicidio"
            " | f:violencia intrafamiliar"
            " | f:violencia sexual",
            "r": "fp:comisarías de la mujer | fp:órdenes de protección | fp:casas de acogida"
            " | fp:líneas de atención telefónica | mp:programas para agresores"
            " | m:acompañamiento jurídico a víctimas",
            "t": "prevención de la violencia doméstica | atención a mujeres víctimas de violencia"
            " | protección frente a la violencia intrafamiliar",
            "o": "denuncias de violencia doméstica | reincidencia de agresores"
            " | feminicidios por 100.000 mujeres",
        },
        "pt": {
            "p": "f:violência doméstica | f:violência contra a mulher | m:feminicídio"
            " | f:violência intrafamiliar"
            " | f:violência sexual",
            "r": "fp:delegacias da mulher | fp:medidas protetivas de urgência | fp:casas-abrigo"
            " | fp:centrais de atendimento telefônico | mp:grupos reflexivos para autores de violência"
            " | f:assistência jurídica às vítimas",
            "t": "enfrentamento da violência doméstica | atendimento a mulheres em situação de violência"
            " | proteção contra a violência intrafamiliar",
            "o": "registros de violência doméstica | reincidência de agressores"
            " | feminicídios por 100 mil mulheres",
        },
        "en": {
            "p": "domestic violence | violence against women | femicide | intimate partner violence"
            " | sexual violence",
            "r": "women's police stations | protection orders | domestic violence shelters"
            " | telephone helplines"
            " | perpetrator programmes | legal support for survivors",
            "t": "domestic violence prevention | support for women survivors of violence"
            " | protection against intimate partner violence",
            "o": "reports of domestic violence | repeat victimisation | femicides per 100,000 women",
        },
    },
    {  # hot spots
        "es": {
            "p": "mp:puntos calientes | f:concentración del delito | mp:robos en la vía pública"
            " | m:delito en zonas comerciales",
            "r": "m:patrullaje focalizado en puntos calientes | m:análisis delictivo | mp:mapas del delito"
            " | f:policía orientada a problemas | f:asignación de patrullas basada en datos",
            "t": "patrullaje en puntos calientes | policía orientada a puntos calientes"
            " | focalización policial basada en datos",
            "o": "delitos registrados en los segmentos de calle tratados"
            " | llamadas de emergencia por hechos violentos | desplazamiento del delito a zonas aledañas",
        },
        "pt": {
            "p": "mp:pontos quentes de criminalidade | f:concentração espacial do crime"
            " | mp:roubos em via pública"
            " | f:criminalidade em áreas comerciais",
            "r": "m:policiamento orientado a pontos quentes | f:análise criminal | fp:manchas criminais"
            " | m:policiamento orientado ao problema | f:alocação de viaturas baseada em dados",
            "t": "policiamento em pontos quentes | policiamento orientado por dados"
            " | patrulhamento focalizado em manchas criminais",
            "o": "crimes registrados nos segmentos de rua tratados"
            " | chamadas de emergência por ocorrências violentas | deslocamento do crime para áreas vizinhas",
        },
        "en": {
            "p": "crime hot spots | spatial concentration of crime | street robberies"
            " | crime in commercial areas",
            "r": "hot spots policing | crime analysis | crime mapping | problem-oriented policing"
            " | data-driven patrol allocation",
            "t": "hot spots policing | data-driven policing | targeted patrols in crime hot spots",
            "o": "recorded crime on treated street segments | emergency calls for violent incidents"
            " | crime displacement to nearby areas",
        },
    },
    {  # situational prevention
        "es": {
            "p": "m:deterioro del espacio público | mp:lotes baldíos | f:percepción de inseguridad"
            " | mp:espacios abandonados",
            "r": "f:prevención situacional | f:recuperación de espacios públicos | m:diseño urbano seguro"
            " | fp:cámaras de videovigilancia | m:mejoramiento de parques | f:limpieza de lotes baldíos",
            "t": "prevención situacional del delito | recuperación de espacios públicos"
            " | diseño urbano para la seguridad",
            "o": "percepción de inseguridad en espacios públicos | +uso de parques y plazas"
            " | delitos contra la propiedad",
        },
        "pt": {
            "p": "f:degradação do espaço público | mp:terrenos baldios | f:sensação de insegurança"
            " | mp:imóveis abandonados",
            "r": "f:prevenção situacional | f:requalificação de espaços públicos | m:desenho urbano seguro"
            " | fp:câmeras de videomonitoramento | f:revitalização de praças | f:limpeza de terrenos baldios",
            "t": "prevenção situacional do crime | requalificação de espaços públicos"
            " | desenho urbano para a segurança",
            "o": "sensação de insegurança em espaços públicos | +uso de praças e parques"
            " | crimes contra o patrimônio",
        },
        "en": {
            "p": "deteriorated public spaces | vacant lots | fear of crime | abandoned buildings",
            "r": "situational crime prevention | public space regeneration"
            " | crime prevention through environmental design | CCTV cameras | park improvements"
            " | vacant lot greening",
            "t": "situational crime prevention | public space regeneration | urban design for safety",
            "o": "fear of crime in public spaces | +use of parks and squares | property crime",
        },
    },
    {  # local governance
        "es": {
            "p": "f:fragmentación institucional | f:debilidad de la gestión local"
            " | f:falta de coordinación entre niveles de gobierno",
            "r": "mp:consejos municipales de seguridad | mp:planes locales de seguridad"
            " | f:coordinación entre niveles de gobierno | mp:presupuestos participativos",
            "t": "gestión local de la seguridad ciudadana | plan municipal de seguridad y convivencia",
            "o": "+cumplimiento de metas del plan local | +índice de capacidad institucional",
        },
        "pt": {
            "p": "f:fragmentação institucional | f:fragilidade da gestão municipal"
            " | f:falta de coordenação entre esferas de governo",
            "r": "mp:gabinetes de gestão integrada municipal | mp:planos municipais de segurança"
            " | f:coordenação entre esferas de governo | m:orçamento participativo",
            "t": "gestão municipal da segurança pública | plano municipal de segurança e convivência",
            "o": "+cumprimento das metas do plano municipal | +índice de capacidade institucional",
        },
        "en": {
            "p": "institutional fragmentation | weak local management"
            " | poor coordination across levels of government",
            "r": "municipal safety councils | local safety plans | multi-level coordination"
            " | participatory budgeting",
            "t": "local citizen security governance | municipal safety and coexistence plan",
            "o": "+local plan targets met | +institutional capacity index",
        },
    },
    {  # alcohol
        "es": {
            "p": "m:consumo de alcohol | f:violencia asociada al alcohol"
            " | fp:riñas en establecimientos nocturnos"
            " | f:venta de alcohol a menores",
            "r": "fp:restricciones horarias a la venta de alcohol | m:control de establecimientos nocturnos"
            " | f:regulación de la venta de alcohol | mp:operativos de control de alcoholemia",
            "t": "regulación del consumo de alcohol | restricción horaria a la venta de alcohol",
            "o": "riñas y lesiones en horario nocturno | homicidios en fines de semana"
            " | ingresos hospitalarios por lesiones asociadas al alcohol",
        },
        "pt": {
            "p": "m:consumo de álcool | f:violência associada ao álcool | fp:brigas em bares"
            " | f:venda de bebidas alcoólicas a menores",
            "r": "f:restrição de horário de funcionamento de bares | f:fiscalização de bares"
            " | f:regulação da venda de bebidas alcoólicas | fp:operações de fiscalização de alcoolemia",
            "t": "regulação do consumo de álcool | restrição de horário de venda de bebidas alcoólicas",
            "o": "brigas e lesões no período noturno | homicídios nos fins de semana"
            " | internações por lesões associadas ao álcool",
        },
        "en": {
            "p": "alcohol consumption | alcohol-related violence | bar fights | sales of alcohol to minors",
            "r": "restrictions on alcohol sales hours | inspection of bars and nightclubs | alcohol licensing"
            " | drink-driving checkpoints",
            "t": "alcohol regulation | restrictions on alcohol sales hours",
            "o": "night-time fights and injuries | weekend homicides"
            " | hospital admissions for alcohol-related injuries",
        },
    },
    {  # firearms
        "es": {
            "p": "fp:armas de fuego | m:tráfico ilícito de armas | fp:armas ilegales en circulación"
            " | fp:heridas por arma de fuego",
            "r": "m:control de armas | m:desarme voluntario | fp:campañas de entrega voluntaria de armas"
            " | f:restricción al porte de armas | m:rastreo de armas incautadas",
            "t": "control de armas de fuego | desarme voluntario",
            "o": "homicidios con arma de fuego | +armas incautadas por 100.000 habitantes",
        },
        "pt": {
            "p": "fp:armas de fogo | m:tráfico ilícito de armas | fp:armas ilegais em circulação"
            " | mp:ferimentos por arma de fogo",
            "r": "m:controle de armas | m:desarmamento voluntário"
            " | fp:campanhas de entrega voluntária de armas"
            " | f:restrição ao porte de armas | m:rastreamento de armas apreendidas",
            "t": "controle de armas de fogo | desarmamento voluntário",
            "o": "homicídios por arma de fogo | +armas apreendidas por 100 mil habitantes",
        },
        "en": {
            "p": "firearms | illicit arms trafficking | illegal guns in circulation | gunshot wounds",
            "r": "gun control | voluntary disarmament | gun amnesty campaigns"
            " | restrictions on carrying firearms"
            " | tracing of seized firearms",
            "t": "firearms control | voluntary disarmament",
            "o": "firearm homicides | +firearms seized per 100,000 inhabitants",
        },
    },
    {  # reintegration
        "es": {
            "p": "f:reincidencia | fp:barreras para el empleo de egresados"
            " | m:estigma hacia personas que salieron de prisión",
            "r": "f:reinserción social | mp:programas de empleo para egresados"
            " | m:acompañamiento postpenitenciario"
            " | f:educación en contextos de encierro | fp:casas de medio camino",
            "t": "reinserción social de personas privadas de libertad | acompañamiento postpenitenciario",
            "o": "reincidencia a 12 meses del egreso | +empleo formal de egresados",
        },
        "pt": {
            "p": "f:reincidência criminal | fp:barreiras ao emprego de egressos"
            " | m:estigma contra egressos do sistema prisional",
            "r": "f:reinserção social | mp:programas de emprego para egressos | m:acompanhamento pós-penal"
            " | f:educação nas prisões | fp:casas de passagem",
            "t": "reinserção social de egressos do sistema prisional | acompanhamento pós-penal",
            "o": "reincidência 12 meses após a saída | +emprego formal de egressos",
        },
        "en": {
            "p": "reoffending | barriers to employment for former prisoners"
            " | stigma against people leaving prison",
            "r": "social reintegration | employment programmes for former prisoners | post-release support"
            " | prison education | halfway houses",
            "t": "reintegration of former prisoners | post-release support",
            "o": "reoffending within 12 months of release | +formal employment of former prisoners",
        },
    },
    {  # gangs, focused deterrence
        "es": {
            "p": "fp:maras | fp:pandillas | f:violencia entre grupos | m:control territorial de pandillas",
            "r": "f:disuasión focalizada | mp:programas de salida de pandillas"
            " | mp:interruptores de violencia"
            " | f:mediación entre grupos | m:enfoque de salud pública",
            "t": "disuasión focalizada | interrupción de la violencia entre grupos"
            " | prevención de la violencia de pandillas",
            "o": "tiroteos entre grupos | homicidios vinculados a pandillas",
        },
        "pt": {
            "p": "fp:facções criminosas | mp:grupos armados | f:violência entre grupos"
            " | m:domínio territorial de facções",
            "r": "f:dissuasão focada | mp:programas de saída de facções | mp:interruptores de violência"
            " | f:mediação entre grupos | f:abordagem de saúde pública",
            "t": "dissuasão focada | interrupção da violência entre grupos",
            "o": "tiroteios entre grupos | homicídios ligados a facções",
        },
        "en": {
            "p": "gang violence | street gangs | group violence | territorial control by gangs",
            "r": "focused deterrence | gang exit programmes | violence interrupters | group mediation"
            " | public health approach to violence",
            "t": "focused deterrence | group violence intervention | gang violence prevention",
            "o": "shootings between groups | gang-related homicides",
        },
    },
    {  # victims
        "es": {
            "p": "f:victimización | f:revictimización | f:falta de atención a víctimas",
            "r": "f:atención a víctimas | m:acompañamiento psicosocial | mp:centros de atención a víctimas"
            " | f:asistencia legal gratuita",
            "t": "atención integral a víctimas del delito | acompañamiento psicosocial a víctimas",
            "o": "+satisfacción de las víctimas con la atención recibida | victimización repetida",
        },
        "pt": {
            "p": "f:vitimização | f:revitimização | f:falta de atendimento às vítimas",
            "r": "m:atendimento às vítimas | m:apoio psicossocial | mp:centros de referência para vítimas"
            " | f:assistência jurídica gratuita",
            "t": "atendimento integral a vítimas de crimes | apoio psicossocial a vítimas",
            "o": "+satisfação das vítimas com o atendimento | vitimização repetida",
        },
        "en": {
            "p": "victimisation | secondary victimisation | gaps in victim support",
            "r": "victim support services | psychosocial support | victim support centres | free legal aid",
            "t": "support for victims of crime | psychosocial support for victims",
            "o": "+victim satisfaction with services | repeat victimisation",
        },
    },
    {  # employment, cash transfers
        "es": {
            "p": "m:desempleo juvenil | f:informalidad laboral | f:pobreza urbana",
            "r": "f:formación para el trabajo | mp:programas de empleo temporal"
            " | fp:transferencias condicionadas"
            " | m:apoyo al emprendimiento | fp:pasantías laborales",
            "t": "empleabilidad juvenil | formación para el trabajo y prevención del delito",
            "o": "+empleo formal a 12 meses | +ingresos laborales | arrestos de participantes",
        },
        "pt": {
            "p": "m:desemprego juvenil | f:informalidade | f:pobreza urbana",
            "r": "f:qualificação profissional | mp:programas de emprego temporário"
            " | fp:transferências condicionadas de renda | m:apoio ao empreendedorismo"
            " | mp:estágios remunerados",
            "t": "empregabilidade juvenil | qualificação profissional e prevenção da violência",
            "o": "+emprego formal após 12 meses | +renda do trabalho | prisões de participantes",
        },
        "en": {
            "p": "youth unemployment | informal work | urban poverty",
            "r": "vocational training | temporary employment programmes | conditional cash transfers"
            " | entrepreneurship support | paid internships",
            "t": "youth employment | vocational training and crime prevention",
            "o": "+formal employment at 12 months | +labour income | arrests of participants",
        },
    },
    {  # school violence
        "es": {
            "p": "m:acoso escolar | f:violencia en las escuelas | m:porte de armas en colegios"
            " | m:ausentismo escolar",
            "r": "f:convivencia escolar | mp:entornos escolares seguros"
            " | mp:programas de mediación entre pares"
            " | m:currículo de habilidades para la vida | fp:rutas seguras a la escuela",
            "t": "convivencia escolar | entornos escolares seguros",
            "o": "episodios de acoso escolar reportados | +clima escolar | +asistencia escolar",
        },
        "pt": {
            "p": "m:bullying | f:violência nas escolas | m:porte de armas nas escolas"
            " | f:infrequência escolar",
            "r": "f:convivência escolar | mp:entornos escolares seguros"
            " | mp:programas de mediação entre pares"
            " | m:currículo de habilidades para a vida | fp:rotas seguras até a escola",
            "t": "convivência escolar | escolas seguras",
            "o": "episódios de bullying notificados | +clima escolar | +frequência escolar",
        },
        "en": {
            "p": "bullying | violence in schools | weapons in schools | school absenteeism",
            "r": "school climate programmes | safe school environments | peer mediation"
            " | life skills curricula"
            " | safe routes to school",
            "t": "safe schools | school climate improvement",
            "o": "reported bullying incidents | +school climate | +school attendance",
        },
    },
    {  # police reform
        "es": {
            "p": "m:uso excesivo de la fuerza | f:corrupción policial | f:baja capacidad investigativa",
            "r": "f:reforma policial | fp:cámaras corporales | mp:mecanismos de control interno"
            " | f:profesionalización policial | f:carrera policial",
            "t": "reforma policial | profesionalización de la policía | control del uso de la fuerza",
            "o": "denuncias por uso excesivo de la fuerza | quejas ciudadanas contra la policía",
        },
        "pt": {
            "p": "m:uso excessivo da força | f:corrupção policial | f:baixa capacidade investigativa",
            "r": "f:reforma das polícias | fp:câmeras corporais | mp:mecanismos de controle interno"
            " | f:profissionalização policial | fp:ouvidorias de polícia",
            "t": "reforma das polícias | uso de câmeras corporais | controle do uso da força",
            "o": "mortes decorrentes de intervenção policial | denúncias contra policiais",
        },
        "en": {
            "p": "excessive use of force | police corruption | weak investigative capacity",
            "r": "police reform | body-worn cameras | internal affairs mechanisms"
            " | police professionalisation"
            " | police career structures",
            "t": "police reform | body-worn cameras | use-of-force oversight",
            "o": "complaints about excessive force | civilian complaints against the police",
        },
    },
    {  # drugs
        "es": {
            "p": "m:microtráfico | m:narcomenudeo | m:consumo problemático de drogas"
            " | mp:mercados de drogas a nivel de calle",
            "r": "mp:tribunales de tratamiento de drogas | m:tratamiento de adicciones | f:reducción de daños"
            " | fp:alternativas al encarcelamiento por delitos de drogas",
            "t": "tratamiento de drogas bajo supervisión judicial | abordaje del microtráfico",
            "o": "consumo de drogas autorreportado | reincidencia en delitos de drogas",
        },
        "pt": {
            "p": "m:tráfico de drogas | m:varejo de drogas | m:uso problemático de drogas"
            " | fp:cenas de uso de drogas",
            "r": "f:justiça terapêutica | m:tratamento da dependência química | f:redução de danos"
            " | fp:alternativas penais para crimes de drogas",
            "t": "tratamento de drogas sob supervisão judicial | enfrentamento ao varejo de drogas",
            "o": "uso de drogas autorrelatado | reincidência em crimes de drogas",
        },
        "en": {
            "p": "drug dealing | street-level drug markets | problematic drug use | open drug scenes",
            "r": "drug treatment courts | addiction treatment | harm reduction"
            " | alternatives to incarceration for drug offences",
            "t": "court-supervised drug treatment | tackling street-level drug markets",
            "o": "self-reported drug use | reoffending for drug offences",
        },
    },
    {  # street lighting
        "es": {
            "p": "fp:calles sin iluminación | f:oscuridad en paradas de transporte | mp:robos nocturnos",
            "r": "m:alumbrado público | fp:luminarias LED | f:iluminación de calles y parques"
            " | m:mantenimiento de luminarias",
            "t": "mejora del alumbrado público | iluminación de calles y espacios públicos",
            "o": "robos nocturnos en calles iluminadas | +percepción de seguridad al caminar de noche",
        },
        "pt": {
            "p": "fp:ruas sem iluminação | fp:paradas de ônibus escuras | mp:roubos noturnos",
            "r": "f:iluminação pública | fp:luminárias de LED | f:iluminação de ruas e praças"
            " | f:manutenção da iluminação pública",
            "t": "melhoria da iluminação pública | iluminação de ruas e espaços públicos",
            "o": "roubos noturnos em ruas iluminadas | +sensação de segurança ao caminhar à noite",
        },
        "en": {
            "p": "unlit streets | dark bus stops | night-time robberies",
            "r": "street lighting | LED streetlights | lighting of streets and parks"
            " | streetlight maintenance",
            "t": "street lighting improvement | lighting of streets and public spaces",
            "o": "night-time robberies on lit streets | +perceived safety walking after dark",
        },
    },
    {  # robbery
        "es": {
            "p": "m:robo a personas | m:hurto de celulares | m:robo de vehículos"
            " | m:robo en el transporte público",
            "r": "m:registro de celulares robados | fp:patrullas en corredores de transporte"
            " | mp:operativos contra receptadores | m:cierre de mercados de bienes robados",
            "t": "reducción del robo en la vía pública | prevención del hurto de celulares",
            "o": "robos a personas por 100.000 habitantes | hurtos de celulares denunciados",
        },
        "pt": {
            "p": "m:roubo a transeunte | m:furto de celulares | m:roubo de veículos"
            " | m:roubo em transporte coletivo",
            "r": "m:bloqueio de celulares roubados | mp:patrulhamentos em corredores de ônibus"
            " | fp:operações contra receptação | m:fechamento de mercados de bens roubados",
            "t": "redução de roubos em via pública | prevenção do furto de celulares",
            "o": "roubos a transeunte por 100 mil habitantes | furtos de celulares registrados",
        },
        "en": {
            "p": "street robbery | mobile phone theft | vehicle theft | robbery on public transport",
            "r": "stolen phone registries | patrols on transport corridors | operations against fences"
            " | closure of stolen goods markets",
            "t": "street robbery reduction | mobile phone theft prevention",
            "o": "street robberies per 100,000 inhabitants | reported mobile phone thefts",
        },
    },
    {  # extortion
        "es": {
            "p": "f:extorsión | m:cobro de cuotas a comerciantes | m:secuestro | f:extorsión telefónica"
            " | fp:amenazas a transportistas",
            "r": "fp:unidades antiextorsión | fp:líneas de denuncia anónima | f:protección a testigos"
            " | m:acompañamiento a comerciantes | f:investigación financiera",
            "t": "combate a la extorsión | protección a comerciantes y transportistas frente a la extorsión",
            "o": "denuncias de extorsión | cierres de negocios por amenazas",
        },
        "pt": {
            "p": "f:extorsão | f:cobrança de taxas por milícias | m:sequestro | mp:golpes por telefone"
            " | fp:ameaças a motoristas de transporte",
            "r": "fp:delegacias antiextorsão | mp:canais de denúncia anônima | f:proteção a testemunhas"
            " | m:apoio a comerciantes | f:investigação financeira",
            "t": "combate à extorsão | proteção de comerciantes contra a extorsão",
            "o": "registros de extorsão | fechamento de comércios por ameaças",
        },
        "en": {
            "p": "extortion | protection rackets | kidnapping | telephone extortion"
            " | threats against transport workers",
            "r": "anti-extortion units | anonymous reporting lines | witness protection"
            " | support for small businesses | financial investigation",
            "t": "tackling extortion | protecting businesses from extortion",
            "o": "reported extortion cases | business closures due to threats",
        },
    },
    {  # crime data, observatories
        "es": {
            "p": "f:falta de datos confiables | m:subregistro de delitos | f:fragmentación de la información",
            "r": "mp:observatorios del delito | mp:sistemas de información delictiva"
            " | fp:encuestas de victimización"
            " | m:análisis georreferenciado | mp:tableros de indicadores",
            "t": "observatorio municipal de seguridad | gestión de la información sobre el delito",
            "o": "+cobertura de los registros administrativos | tiempo de publicación de estadísticas",
        },
        "pt": {
            "p": "f:falta de dados confiáveis | m:sub-registro de crimes | f:fragmentação da informação",
            "r": "mp:observatórios de segurança pública | mp:sistemas de informação criminal"
            " | fp:pesquisas de vitimização | f:análise georreferenciada | mp:painéis de indicadores",
            "t": "observatório municipal de segurança | gestão da informação criminal",
            "o": "+cobertura dos registros administrativos | tempo de publicação das estatísticas",
        },
        "en": {
            "p": "lack of reliable data | under-recording of crime | fragmented information systems",
            "r": "crime observatories | crime information systems | victimisation surveys"
            " | geospatial analysis"
            " | indicator dashboards",
            "t": "municipal crime observatory | crime data management",
            "o": "+coverage of administrative records | delay in publishing statistics",
        },
    },
    {  # urban upgrading
        "es": {
            "p": "mp:asentamientos informales | f:segregación urbana | f:falta de servicios básicos",
            "r": "m:mejoramiento integral de barrios | m:urbanismo social | mp:proyectos urbanos integrales"
            " | m:transporte por cable | fp:bibliotecas de barrio",
            "t": "urbanismo social | mejoramiento integral de barrios",
            "o": "homicidios en los barrios intervenidos | +valor del suelo | +acceso a servicios públicos",
        },
        "pt": {
            "p": "mp:assentamentos precários | f:segregação urbana | f:falta de serviços básicos",
            "r": "f:urbanização de favelas | m:urbanismo social | mp:projetos urbanos integrados"
            " | m:teleférico"
            " | fp:bibliotecas comunitárias",
            "t": "urbanização de favelas | urbanismo social",
            "o": "homicídios nas comunidades urbanizadas | +valor dos imóveis | +acesso a serviços públicos",
        },
        "en": {
            "p": "informal settlements | urban segregation | lack of basic services",
            "r": "neighbourhood upgrading | social urbanism | integrated urban projects | cable car transit"
            " | community libraries",
            "t": "neighbourhood upgrading | social urbanism",
            "o": "homicides in upgraded neighbourhoods | +property values | +access to public services",
        },
    },
    {  # juvenile justice
        "es": {
            "p": "mp:adolescentes en conflicto con la ley | f:privación de libertad de adolescentes",
            "r": "f:justicia juvenil | fp:medidas alternativas a la privación de libertad"
            " | f:libertad asistida"
            " | f:remisión a programas comunitarios",
            "t": "justicia juvenil restaurativa"
            " | medidas alternativas para adolescentes en conflicto con la ley",
            "o": "reincidencia de adolescentes | +cumplimiento de medidas socioeducativas",
        },
        "pt": {
            "p": "mp:adolescentes em conflito com a lei | f:internação de adolescentes",
            "r": "fp:medidas socioeducativas em meio aberto | f:liberdade assistida"
            " | f:prestação de serviços à comunidade | f:justiça juvenil",
            "t": "medidas socioeducativas em meio aberto | justiça juvenil restaurativa",
            "o": "reincidência de adolescentes | +cumprimento de medidas socioeducativas",
        },
        "en": {
            "p": "young offenders | custody of adolescents",
            "r": "juvenile justice | alternatives to custody | supervised probation"
            " | diversion to community programmes",
            "t": "juvenile justice diversion | alternatives to custody for young offenders",
            "o": "reoffending by adolescents | +completion of community orders",
        },
    },
    {  # restorative justice
        "es": {
            "p": "mp:conflictos vecinales | f:saturación del sistema judicial"
            " | m:uso excesivo de la prisión preventiva",
            "r": "f:justicia restaurativa | f:mediación comunitaria | mp:círculos restaurativos"
            " | f:reparación del daño | mp:centros de mediación",
            "t": "justicia restaurativa | mediación comunitaria de conflictos",
            "o": "+acuerdos de reparación cumplidos | +satisfacción de las víctimas"
            " | conflictos vecinales escalados",
        },
        "pt": {
            "p": "mp:conflitos de vizinhança | f:sobrecarga do sistema de justiça"
            " | m:uso excessivo da prisão provisória",
            "r": "f:justiça restaurativa | f:mediação comunitária | mp:círculos restaurativos"
            " | f:reparação do dano"
            " | mp:núcleos de mediação",
            "t": "justiça restaurativa | mediação comunitária de conflitos",
            "o": "+acordos de reparação cumpridos | +satisfação das vítimas"
            " | conflitos de vizinhança agravados",
        },
        "en": {
            "p": "neighbourhood disputes | overloaded courts | overuse of pre-trial detention",
            "r": "restorative justice | community mediation | restorative circles | victim-offender mediation"
            " | mediation centres",
            "t": "restorative justice | community mediation",
            "o": "+reparation agreements fulfilled | +victim satisfaction"
            " | escalation of neighbourhood disputes",
        },
    },
    {  # parenting, early childhood
        "es": {
            "p": "m:maltrato infantil | m:castigo físico | f:negligencia parental",
            "r": "f:crianza positiva | fp:visitas domiciliarias | m:desarrollo infantil temprano"
            " | fp:escuelas para padres",
            "t": "crianza positiva | prevención del maltrato infantil",
            "o": "prácticas de castigo físico reportadas | problemas de conducta infantil",
        },
        "pt": {
            "p": "mp:maus-tratos infantis | m:castigo físico | f:negligência parental",
            "r": "f:parentalidade positiva | fp:visitas domiciliares | m:desenvolvimento na primeira infância"
            " | mp:grupos de pais",
            "t": "parentalidade positiva | prevenção de maus-tratos infantis",
            "o": "práticas de castigo físico relatadas | problemas de comportamento infantil",
        },
        "en": {
            "p": "child maltreatment | physical punishment | parental neglect",
            "r": "positive parenting | home visiting | early childhood development | parenting groups",
            "t": "positive parenting | child maltreatment prevention",
            "o": "reported use of physical punishment | child behaviour problems",
        },
    },
    {  # prisons
        "es": {
            "p": "m:hacinamiento carcelario | f:violencia en las cárceles"
            " | m:control de las cárceles por grupos criminales",
            "r": "f:gestión penitenciaria | f:clasificación de internos"
            " | mp:programas de trabajo penitenciario"
            " | f:separación de internos por nivel de riesgo",
            "t": "gestión penitenciaria | reducción del hacinamiento carcelario",
            "o": "incidentes violentos en centros penitenciarios | tasa de ocupación carcelaria",
        },
        "pt": {
            "p": "f:superlotação carcerária | f:violência nos presídios | m:controle das prisões por facções",
            "r": "f:gestão prisional | f:classificação de presos | mp:programas de trabalho prisional"
            " | f:separação de presos por nível de risco",
            "t": "gestão prisional | redução da superlotação carcerária",
            "o": "incidentes violentos em unidades prisionais | taxa de ocupação prisional",
        },
        "en": {
            "p": "prison overcrowding | prison violence | gang control of prisons",
            "r": "prison management | prisoner classification | prison work programmes"
            " | separation of prisoners by risk level",
            "t": "prison management | reducing prison overcrowding",
            "o": "violent incidents in prisons | prison occupancy rate",
        },
    },
    {  # sport and culture
        "es": {
            "p": "m:tiempo libre sin supervisión | f:falta de espacios recreativos",
            "r": "m:deporte para el desarrollo | fp:escuelas de música | fp:actividades culturales"
            " | mp:torneos deportivos nocturnos",
            "t": "deporte y cultura para la convivencia | arte y cultura para la prevención de la violencia",
            "o": "+participación sostenida en actividades | conductas de riesgo autorreportadas",
        },
        "pt": {
            "p": "m:tempo livre sem supervisão | f:falta de espaços de lazer",
            "r": "m:esporte para o desenvolvimento | fp:escolas de música | fp:oficinas culturais"
            " | mp:torneios esportivos noturnos",
            "t": "esporte e cultura para a convivência | arte e cultura na prevenção da violência",
            "o": "+participação contínua nas atividades | comportamentos de risco autorrelatados",
        },
        "en": {
            "p": "unsupervised free time | lack of recreational spaces",
            "r": "sport for development | music schools | cultural activities | night-time sports leagues",
            "t": "sport and culture for peaceful coexistence | arts-based violence prevention",
            "o": "+sustained participation in activities | self-reported risk behaviour",
        },
    },
    {  # mental health
        "es": {
            "p": "m:trauma | mp:problemas de salud mental | f:exposición a la violencia",
            "r": "f:salud mental comunitaria | f:atención informada en trauma"
            " | mp:primeros auxilios psicológicos",
            "t": "salud mental y prevención de la violencia | atención informada en trauma",
            "o": "síntomas de estrés postraumático | conductas agresivas",
        },
        "pt": {
            "p": "m:trauma | mp:problemas de saúde mental | f:exposição à violência",
            "r": "f:saúde mental comunitária | m:cuidado informado pelo trauma"
            " | mp:primeiros socorros psicológicos",
            "t": "saúde mental e prevenção da violência | cuidado informado pelo trauma",
            "o": "sintomas de estresse pós-traumático | comportamentos agressivos",
        },
        "en": {
            "p": "trauma | mental health problems | exposure to violence",
            "r": "community mental health | trauma-informed care | psychological first aid",
            "t": "mental health and violence prevention | trauma-informed care",
            "o": "post-traumatic stress symptoms | aggressive behaviour",
        },
    },
    {  # public transport
        "es": {
            "p": "m:acoso sexual en el transporte público | f:inseguridad en las paradas",
            "r": "mp:vagones exclusivos para mujeres | fp:paradas seguras | mp:botones de pánico"
            " | fp:campañas contra el acoso",
            "t": "transporte público seguro para las mujeres | prevención del acoso sexual en el transporte",
            "o": "acoso sexual reportado en el transporte público | +percepción de seguridad de las usuarias",
        },
        "pt": {
            "p": "m:assédio sexual no transporte público | f:insegurança nos pontos de ônibus",
            "r": "mp:vagões exclusivos para mulheres | fp:paradas seguras | mp:botões de pânico"
            " | fp:campanhas contra o assédio",
            "t": "transporte público seguro para mulheres | prevenção do assédio sexual no transporte",
            "o": "assédio sexual notificado no transporte público | +sensação de segurança das usuárias",
        },
        "en": {
            "p": "sexual harassment on public transport | unsafe bus stops",
            "r": "women-only carriages | safe bus stops | panic buttons | anti-harassment campaigns",
            "t": "safe public transport for women | preventing sexual harassment on public transport",
            "o": "reported sexual harassment on public transport | +women passengers' perceived safety",
        },
    },
    {  # organised crime
        "es": {
            "p": "m:crimen organizado | m:lavado de activos | f:infiltración criminal en instituciones",
            "r": "f:extinción de dominio | fp:fuerzas de tarea interinstitucionales"
            " | f:inteligencia financiera"
            " | f:investigación patrimonial",
            "t": "combate al crimen organizado | persecución de las finanzas criminales",
            "o": "+bienes incautados a organizaciones criminales | +condenas por lavado de activos",
        },
        "pt": {
            "p": "m:crime organizado | f:lavagem de dinheiro | f:infiltração criminosa nas instituições",
            "r": "m:confisco de bens | fp:forças-tarefa interinstitucionais | f:inteligência financeira"
            " | f:investigação patrimonial",
            "t": "enfrentamento ao crime organizado | asfixia financeira de organizações criminosas",
            "o": "+bens apreendidos de organizações criminosas | +condenações por lavagem de dinheiro",
        },
        "en": {
            "p": "organised crime | money laundering | criminal infiltration of institutions",
            "r": "asset forfeiture | inter-agency task forces | financial intelligence | asset tracing",
            "t": "tackling organised crime | disrupting criminal finances",
            "o": "+assets seized from criminal organisations | +money laundering convictions",
        },
    },
    {  # trafficking, migration
        "es": {
            "p": "f:trata de personas | m:tráfico de migrantes | f:explotación laboral",
            "r": "fp:mesas contra la trata | f:identificación temprana de víctimas de trata"
            " | f:protección a personas migrantes",
            "t": "prevención de la trata de personas | protección de personas migrantes",
            "o": "+víctimas de trata identificadas | +causas judicializadas por trata",
        },
        "pt": {
            "p": "m:tráfico de pessoas | m:contrabando de migrantes | m:trabalho análogo à escravidão",
            "r": "mp:comitês de enfrentamento ao tráfico de pessoas | f:identificação precoce de vítimas"
            " | f:proteção a pessoas migrantes",
            "t": "enfrentamento ao tráfico de pessoas | proteção de pessoas migrantes",
            "o": "+vítimas de tráfico identificadas | +processos judiciais por tráfico de pessoas",
        },
        "en": {
            "p": "human trafficking | migrant smuggling | labour exploitation",
            "r": "anti-trafficking committees | early identification of trafficking victims"
            " | protection of migrants",
            "t": "human trafficking prevention | protection of migrants",
            "o": "+trafficking victims identified | +trafficking prosecutions",
        },
    },
    {  # cybercrime
        "es": {
            "p": "m:fraude en línea | m:ciberacoso | f:explotación sexual en línea",
            "r": "fp:unidades de delitos informáticos | fp:campañas de alfabetización digital"
            " | f:cooperación con plataformas digitales",
            "t": "prevención del delito cibernético | protección frente al fraude en línea",
            "o": "denuncias de fraude en línea | casos de ciberacoso reportados",
        },
        "pt": {
            "p": "mp:golpes virtuais | m:ciberassédio | f:exploração sexual on-line",
            "r": "fp:delegacias de crimes cibernéticos | fp:campanhas de educação digital"
            " | f:cooperação com plataformas digitais",
            "t": "prevenção de crimes cibernéticos | proteção contra golpes virtuais",
            "o": "registros de golpes virtuais | casos de ciberassédio notificados",
        },
        "en": {
            "p": "online fraud | cyberbullying | online sexual exploitation",
            "r": "cybercrime units | digital literacy campaigns | cooperation with online platforms",
            "t": "cybercrime prevention | protection against online fraud",
            "o": "reported online fraud | reported cyberbullying cases",
        },
    },
]

_DATA = {"es": _ES, "pt": _PT, "en": _EN}

# Where a slot lands: 0 = plain ("la policía"), d = "de" ("de la policía"), e = "en" ("en la policía"),
# a = "a" ("a la policía"), b = bare, without an article ("policía").
_CASES = ("", "d", "e", "a", "b")
_GENDERS = {"m": 0, "f": 1, "mp": 2, "fp": 3}


# --------------------------------------------------------------------------------------------------
# Compiled tables, one per language (built once, shared by every Writer).


def _inflect(language: str, adjective: str) -> tuple[str, str, str, str]:
    """The m, f, m plural and f plural forms of a Spanish or Portuguese adjective (English: invariant)."""
    a = adjective
    if language == "en" or a == "piloto":
        return (a, a, a, a)
    if a.endswith("o"):
        return (a, a[:-1] + "a", a + "s", a[:-1] + "as")
    if a.endswith("e"):
        return (a, a, a + "s", a + "s")
    if a.endswith("or"):
        return (a, a + "a", a + "es", a + "as")
    if language == "es":
        plural = {"común": "comunes", "eficaz": "eficaces"}.get(a, a + "es")
    elif a.endswith("vel"):
        plural = a[:-3] + "veis"
    elif a.endswith("al"):
        plural = a[:-2] + "ais"
    elif a.endswith("il"):
        plural = a[:-2] + "is"
    elif a.endswith("m"):
        plural = a[:-1] + "ns"
    else:
        plural = a + "es"
    return (a, a, plural, plural)


def _phrase(language: str, item: str) -> tuple:
    """(forms by case, gender, article prefixes by case, bare phrase) of one noun phrase."""
    if language == "en":
        zero = item.startswith("0:")
        bare = item[2:] if zero else item
        prefixes = ("", "of ", "in ", "to ", "") if zero else ("the ", "of the ", "in the ", "to the ", "")
        gender = 0
    else:
        tag, bare = item.split(":", 1)
        gender = _GENDERS[tag]
        articles = _DATA[language]["articles"]
        prefixes = (*(f"{articles[c][gender]} " for c in range(4)), "")
    return (tuple(prefix + bare for prefix in prefixes), gender, prefixes, bare)


def _theme_phrase(language: str, item: str) -> tuple[str, ...]:
    """Forms by case; English theme phrases take no article ("youth violence", "of youth violence")."""
    return _phrase(language, "0:" + item if language == "en" else item)[0]


_SLOT = re.compile(r"\{(\^?\w+)\}")


def _capitalised(templates: list[str], fn: dict[str, str]) -> list[str]:
    """Templates whose text starts capitalised: a leading slot becomes its capitalised variant."""
    out = []
    for template in templates:
        if template.startswith("{"):
            template = "{^" + template[1:]
            if template[1 : template.index("}")] not in fn:
                raise ValueError(f"no capitalised variant for the start of {template!r}")
        elif not template[0].isupper():
            raise ValueError(f"template does not start with a capital: {template!r}")
        out.append(template)
    return out


def _compile(templates: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    return [(_SLOT.sub("{}", t), tuple(_SLOT.findall(t))) for t in templates]


_Slot = Callable[["Writer"], str]


class _Code:
    """Compiles templates into small generated functions, the hot path of the generator.

    A slot is the source of a Python expression over `w` (the Writer) and `g` (its getrandbits), such
    as `_12[g(9)]` (a pick from an urn of 512 entries) or `_40(w)` (a call); the tables and functions
    it reads are the generated code's globals. "{A} {V} {N}." becomes, in effect,
    `def template(w): g = w.g; return "{} {} {}.".format(_3[g(7)], _5[g(9)], _8[g(11)][g(8)])`:
    one Python call per sentence instead of one per slot, which halves the generation time. The
    source comes only from this module's own templates.
    """

    def __init__(self) -> None:
        self.scope: dict[str, object] = {"__builtins__": {}}

    def const(self, value: object) -> str:
        name = f"_{len(self.scope)}"
        self.scope[name] = value
        return name

    def pick(self, urn: Sequence) -> str:
        return f"{self.const(tuple(urn))}[g({_bits(urn)})]"

    def call(self, function: _Slot) -> str:
        return f"{self.const(function)}(w)"

    def template(self, fmt: str, slots: list[str]) -> _Slot:
        if not slots:
            return lambda w: fmt
        source = f"def template(w):\n    g = w.g\n    return {fmt!r}.format({', '.join(slots)})\n"
        local: dict[str, _Slot] = {}
        exec(source, self.scope, local)  # noqa: S102 - source built from this module's templates
        return local["template"]

    def templates(self, templates: list[str], fn: dict[str, str]) -> tuple[tuple[_Slot, ...], int]:
        """The compiled `templates` as an urn to pick from uniformly, and its size in bits."""
        compiled = [self.template(fmt, [fn[name] for name in names]) for fmt, names in _compile(templates)]
        urn = _urn(compiled, 0)
        return urn, _bits(urn)

    def choice(self, templates: list[str], fn: dict[str, str]) -> str:
        """A slot: one of `templates`, picked uniformly, filled in."""
        urn, bits = self.templates(templates, fn)
        return f"{self.const(urn)}[g({bits})](w)"

    def rule(self, templates: list[str], fn: dict[str, str]) -> _Slot:
        """A function: one of `templates`, picked uniformly, filled in."""
        urn, bits = self.templates(templates, fn)
        return lambda w: urn[w.g(bits)](w)


class _Tables:
    """Everything the Writers of one language sample from, and the compiled rules that do it."""

    def __init__(self, language: str):
        d = _DATA[language]
        self.language = language
        zero = "0:" if language == "en" else ""  # English populations and areas take no article
        self.nouns = _urn([_phrase(language, x) for x in _items(d["nouns"])], 0.9)
        self.adjectives = _urn([_inflect(language, x) for x in d["adjectives"].split()], 0.9)
        self.actors = _urn([_phrase(language, x) for x in _items(d["actors"])], 1.0)
        self.populations = _urn([_phrase(language, zero + x) for x in _items(d["populations"])], 0.8)
        self.areas = _urn([_phrase(language, zero + x) for x in _items(d["areas"])], 1.2)
        self.verbs = _urn(d["verbs"].split(), 0.8)
        self.infinitives = _urn([v.replace("_", " ") for v in d["infinitives"].split()], 0.8)
        self.reduce = _urn(d["reduce"].split(), 0.9)
        self.connectors = _urn(_items(d["connectors"]), 0.7)
        self.kinds = _urn(_items(d["kinds"]), 1.2)
        first, second = (_items(x) for x in d["programme_names"])
        self.programme_names = _urn([f"{a} {b}" for b in second for a in first], 0.3)
        self.outcomes = _outcomes(d["outcomes"])
        self.positive = [(text, True) for text in _items(d["positive"])]
        self.qualifiers = _items(d["qualifiers"])
        self.results = _lines(d["results"])
        # Themes: (problems, responses, titles, outcomes); the first two are urns of forms by case.
        self.themes = [
            (
                _urn([_theme_phrase(language, x) for x in _items(t[language]["p"])], 1.0, _PHRASE_BITS),
                _urn([_theme_phrase(language, x) for x in _items(t[language]["r"])], 1.0, _PHRASE_BITS),
                _items(t[language]["t"]),
                _outcomes(t[language]["o"]),
            )
            for t in _THEMES
        ]
        self.theme_urn = _urn(self.themes, 0.9)
        weights = COUNTRY_WEIGHTS[language]
        self.countries = list(weights)
        self.country_cumulative = list(accumulate(weights.values()))
        self.country_names = dict(item.split(" ", 1) for item in _items(_COUNTRY_NAMES[language]))

        code = _Code()
        fn = self._terminals(code)
        # Organisations: one rule per case, with the article baked into each template.
        organisations = [("m", x) if zero else x.split(":", 1) for x in _items(d["organisations"])]
        for c, prefix in enumerate((*_CASES, "^")):
            if language == "en":
                article = ("the ", "of the ", "in the ", "to the ", "", "The ")[c]
                fn[prefix + "O"] = code.choice([article + text for _, text in organisations], fn)
            else:
                rows = [*(tuple(f"{a} " for a in row) for row in d["articles"]), ("",) * 4]
                articles = [*rows, tuple(a.capitalize() for a in rows[0])][c]
                fn[prefix + "O"] = code.choice(
                    [articles[_GENDERS[tag]] + text for tag, text in organisations], fn
                )
        self.organisation = code.rule([text for _, text in organisations], fn)
        fn["L"] = code.choice(_items(d["places"]), fn)
        fn["M"] = code.choice(_items(d["methods"]), fn)
        # Sentences come out capitalised: a leading slot takes its capitalised variant ("{^A}").
        self.sentences, self.sentence_bits = code.templates(_capitalised(_lines(d["sentences"]), fn), fn)
        self.summary = code.rule(_capitalised(_lines(d["summaries"]), fn), fn)
        self.title = code.rule(_items(d["titles"]), fn)

    def _terminals(self, code: _Code) -> dict[str, str]:
        language = self.language
        fn: dict[str, str] = {}
        for c, prefix in enumerate(_CASES):
            nouns, bits = _noun_table(self.nouns, self.adjectives, c, language == "en")
            fn[prefix + "N"] = f"{code.const(nouns)}[g({bits})][g({_MIX_BITS})]"
            fn[prefix + "A"] = code.pick([x[0][c] for x in self.actors])
            fn[prefix + "P"] = code.pick([x[0][c] for x in self.populations])
            fn[prefix + "G"] = code.pick([x[0][c] for x in self.areas])
            # The document's problems and responses (see Writer.new_document).
            fn[prefix + "Tp"] = f"w.problems[g({_THEME_MIX_BITS})][g({_PHRASE_BITS})][{c}]"
            fn[prefix + "Tr"] = f"w.responses[g({_THEME_MIX_BITS})][g({_PHRASE_BITS})][{c}]"
        fn["^A"] = code.pick([_capitalise(x[0][0]) for x in self.actors])
        fn["^P"] = code.pick([_capitalise(x[0][0]) for x in self.populations])
        for name, urn in (("V", self.verbs), ("Vi", self.infinitives), ("Vr", self.reduce)):
            fn[name] = code.pick(urn)
        fn["C"] = fn["^C"] = code.pick(self.connectors)
        fn["K"] = code.pick(self.kinds)
        fn["PN"] = code.pick(self.programme_names)
        # Periods: every template with every start year (1998-2023) and length (1-6 years).
        periods = [
            when.format(start, min(2025, start + length), 1 + length)
            for when in _items(_DATA[language]["when"])
            for start in range(1998, 2024)
            for length in range(1, 7)
        ]
        fn["W"] = code.pick(_urn(periods, 0))
        fn["^W"] = code.pick(_urn([_capitalise(p) for p in periods], 0))
        fn["Q"] = code.pick(_urn([str(n) for n in range(3, 41)], 0))
        fn["R"] = f"w.pool[g({_bits(_pool_urn('es'))})]"  # every culture's pool has the same size
        for i, name in enumerate(_DOC_SLOTS):
            fn[name] = f"w.doc[{i}]"
        fn["TT"] = code.call(lambda w: _title_of(w, w.themes[0]))
        theme_urn = self.theme_urn

        def second_title(w: Writer) -> str:
            """A title phrase of a secondary theme, or of any other theme if the document has none."""
            theme = w.themes[1] if w.themes[1] is not w.themes[0] else w.themes[2]
            while theme is w.themes[0]:
                theme = theme_urn[int(w.r() * len(theme_urn))]
            return _title_of(w, theme)

        fn["TT2"] = code.call(second_title)
        return fn


# Writer.doc, in this order.
_DOC_SLOTS = ("city", "icity", "dcity", "unit", "iunit", "dunit", "country", "icountry", "dcountry")


def _title_of(w: Writer, theme: tuple) -> str:
    titles = theme[2]
    return titles[int(w.r() * len(titles))]


ADJECTIVE_SHARE = 0.4  # of generic noun phrases that carry an adjective
_MIX_BITS = 8
_PHRASE_BITS = 6  # every theme has at most 8 problems and 8 responses
# Where a document's theme phrases come from, out of 32: 19 from the primary theme, 6 and 4 from the
# secondary ones, 3 from any theme at all (drawn per document).
_THEME_MIX_BITS = 5


def _theme_mix(first: tuple, second: tuple, third: tuple, *anywhere: tuple) -> tuple:
    """The 2**_THEME_MIX_BITS theme phrase urns a document draws its problems or responses from:
    19 of the primary theme, 6 and 4 of the secondary ones, 3 of any theme (one each)."""
    return (first,) * 19 + (second,) * 6 + (third,) * 4 + anywhere


def _noun_table(nouns: Sequence[tuple], adjectives: Sequence[tuple], case: int, english: bool):
    """Noun phrases in one case, two in five with an adjective that agrees with the noun, as a table
    indexed by [getrandbits(bits)][getrandbits(_MIX_BITS)]: a row per entry of the noun urn, a column
    per entry of a 2**_MIX_BITS urn of "no adjective" (60 %) and adjectives (40 %, keeping their skew).
    """
    size = 1 << _MIX_BITS
    with_adjective = round(ADJECTIVE_SHARE * size)
    mix = [adjectives[i * len(adjectives) // with_adjective] for i in range(with_adjective)]
    mix += [None] * (size - with_adjective)

    def phrase(noun: tuple, adjective: tuple | None) -> str:
        forms, gender, prefixes, bare = noun
        if adjective is None:
            return forms[case]
        if english:
            return f"{prefixes[case]}{adjective[0]} {bare}"
        return f"{forms[case]} {adjective[gender]}"

    rows: dict[int, tuple[str, ...]] = {}
    for noun in nouns:
        if id(noun) not in rows:
            rows[id(noun)] = tuple(phrase(noun, adjective) for adjective in mix)
    return tuple(rows[id(noun)] for noun in nouns), _bits(nouns)


@cache
def _tables(language: str) -> _Tables:
    return _Tables(language)


@cache
def _places(code: str) -> list[tuple[str, str]]:
    return [tuple(item.split(", ", 1)) for item in _items(PLACES[code])]


@cache
def _pool_urn(culture: str) -> tuple[str, ...]:
    return _urn(name_pool(culture), 0.5)


def _with(language: str, preposition: str, name: str) -> str:
    """A place after a preposition: de Cali, da Bahia, no Rio de Janeiro, of the Bahamas."""
    if language == "pt":
        article = _PT_ARTICLE.get(name)
        if article is None and name.split(" ", 1)[0] in ("o", "a", "os", "as"):
            article, name = name.split(" ", 1)
        if article:
            return f"{_PT_CONTRACT[preposition, article]} {name}"
    return f"{preposition} {name}"


_PREPOSITIONS = {"es": ("en", "de"), "pt": ("em", "de"), "en": ("in", "of")}


@cache
def _region_forms(language: str, unit: str, country: str) -> tuple[str, ...]:
    """unit, iunit, dunit, country (bare name), icountry, dcountry."""
    in_, of = _PREPOSITIONS[language]
    first, _, rest = country.partition(" ")
    bare_country = rest if first in ("la", "las", "o", "a", "as", "the") else country
    return (
        unit,
        _with(language, in_, unit),
        _with(language, of, unit),
        bare_country,
        _with(language, in_, country),
        _with(language, of, country),
    )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------------------------------


class Writer:
    """Synthetic citizen-security prose in one language, drawn from `rng` (see the module docstring);
    the Writer calls only `rng.random()` and `rng.getrandbits()`.

    A Writer works on one document at a time: its primary and secondary themes and its place, which
    every method reuses. The constructor starts the first document; `new_document()` starts the next,
    and so does `title()` when the current document already has a title.
    """

    def __init__(self, language: str, rng: random.Random):
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
        self.language = language
        self.rng = rng
        self.r = rng.random
        self.g = rng.getrandbits
        self._t = _tables(language)
        self.doc: list[str] = []
        self.pool: tuple[str, ...] = ()
        self.themes: tuple = ()
        self.problems: tuple = ()
        self.responses: tuple = ()
        self._place: tuple[str, str, str] = ("", "", "")
        self._spare: list[tuple[str, int]] = []
        self._titled = False
        self.new_document()

    # ---- documents

    def new_document(self) -> None:
        """Pick the next document's themes (one primary, up to two secondary) and place."""
        t, r = self._t, self.r
        urn = t.theme_urn
        primary = urn[int(r() * len(urn))]
        u = r()
        secondary = [urn[int(r() * len(urn))] for _ in range(0 if u < 0.3 else 1 if u < 0.75 else 2)]
        secondary = secondary or [primary]
        self.themes = (primary, secondary[0], secondary[-1])
        first, second, third = self.themes
        any1, any2, any3 = urn[int(r() * len(urn))], urn[int(r() * len(urn))], urn[int(r() * len(urn))]
        self.problems = _theme_mix(first[0], second[0], third[0], any1[0], any2[0], any3[0])
        self.responses = _theme_mix(first[1], second[1], third[1], any1[1], any2[1], any3[1])
        code = t.countries[bisect(t.country_cumulative, r() * t.country_cumulative[-1])]
        cities = _places(code)
        city, unit = cities[int(r() * len(cities))]
        culture = _CULTURE[code]
        self.pool = _pool_urn(culture)
        if code not in _NO_SYNTHETIC_CITIES and r() < 0.4:
            patterns = _SYNTHETIC_CITIES[culture]
            city = patterns[int(r() * len(patterns))].format(self.pool[int(r() * len(self.pool))])
        self._place = (city, unit, code)
        in_, of = _PREPOSITIONS[self.language]
        self.doc = [
            city,
            _with(self.language, in_, city),
            _with(self.language, of, city),
            *_region_forms(self.language, unit, t.country_names[code]),
        ]
        self._spare.clear()
        self._titled = False

    def place(self) -> tuple[str, str, str]:
        """(city, subnational unit, ISO country code) of the current document."""
        return self._place

    # ---- text

    def title(self) -> str:
        """A case-study title of 4 to 14 words naming the document's city."""
        if self._titled:
            self.new_document()
        self._titled = True
        for _ in range(8):
            text = _capitalise(self._t.title(self))
            if TITLE_WORDS[0] <= text.count(" ") + 1 <= TITLE_WORDS[1]:
                return text
        theme = _title_of(self, self.themes[0])
        return _capitalise(f"{theme} {self.doc[1]}")

    def _sentence(self) -> tuple[str, int]:
        if self._spare:
            return self._spare.pop()
        sentences, bits, g = self._t.sentences, self._t.sentence_bits, self.g
        while True:
            text = sentences[g(bits)](self)
            words = text.count(" ") + 1
            if SENTENCE_WORDS[0] <= words <= SENTENCE_WORDS[1]:
                return text, words

    def sentence(self) -> str:
        """One sentence of 10 to 30 words, capitalised, ending with a full stop."""
        return self._sentence()[0]

    def paragraph(self, words: int) -> str:
        """Sentences adding up to about `words` words (within 20 %; at least one sentence)."""
        low, high = 0.8 * words, 1.2 * words
        out: list[str] = []
        total = misses = 0
        while total < words:
            text, n = self._sentence()
            if out and total + n > high:
                if total >= low:
                    self._spare.append((text, n))  # the next paragraph starts with it
                    break
                misses += 1
                if misses <= 6:
                    continue
            out.append(text)
            total += n
        return " ".join(out)

    def summary(self) -> str:
        """A plain-text summary of 250 to 590 characters."""
        while True:
            first = self._t.summary(self)
            if len(first) <= SUMMARY_MAX - 60:
                break
        parts, length, misses = [first], len(first), 0
        while length < SUMMARY_MIN:
            text, _ = self._sentence()
            if length + 1 + len(text) > SUMMARY_MAX:
                misses += 1
                if misses > 20:
                    break
                continue
            parts.append(text)
            length += 1 + len(text)
        return " ".join(parts)[:SUMMARY_MAX]

    def html(self, words: int, paragraphs: int = 2) -> str:
        """Rich text: `paragraphs` <p> elements adding up to about `words` words."""
        paragraphs = max(1, paragraphs)
        share, extra = divmod(max(1, words), paragraphs)
        return "".join(f"<p>{self.paragraph(share + (i < extra))}</p>" for i in range(paragraphs))

    def organisation(self) -> str:
        """An organisation name, often tied to the document's place."""
        return self._t.organisation(self)

    def outcome(self) -> str:
        """An outcome measured (at most 200 characters)."""
        return self._outcome(qualify=True)

    def _outcome(self, qualify: bool, good: bool | None = None) -> str:
        """Mostly an outcome of the document's themes; `good`: only those where more is better (True)
        or worse (False), as "increase in ..." and "reduction in ..." need."""
        t, r = self._t, self.r
        outcomes = self.themes[0 if r() < 0.7 else 1][3] if r() < 0.65 else t.outcomes
        if good is not None:
            fallback = t.outcomes + t.positive
            outcomes = [o for o in outcomes if o[1] is good] or [o for o in fallback if o[1] is good]
        text = outcomes[int(r() * len(outcomes))][0]
        if qualify and r() < 0.35:
            text = f"{text} {t.qualifiers[int(r() * len(t.qualifiers))]}"
        return text[:OUTCOME_MAX]

    def result(self) -> str:
        """One sentence on an evaluation result, with generic figures and no named programme."""
        r = self.r
        templates = self._t.results
        template = templates[int(r() * len(templates))]
        return template.format(
            pct=3 + int(r() * 33),
            pp=2 + int(r() * 14),
            months=(6, 12, 18, 24)[int(r() * 4)],
            OUT=self._outcome(qualify=False, good=False) if "{OUT}" in template else "",
            POS=self._outcome(qualify=False, good=True) if "{POS}" in template else "",
        )
