#!/usr/bin/env python3
"""Generate the bundled, ILLUSTRATIVE UNPOG Asia-Pacific partner and expert network.

Usage:
    python3 Scripts/make-bundled-network.py [--out DIR]

Writes manifest.json, nodes.csv, ties.csv, activities.csv, participation.csv and
README.md into DIR (default: Networks/unpog-asia-pacific beside this script's
parent folder). Python 3 standard library only. Deterministic: one
random.Random with a fixed seed, no set or hash ordering anywhere, so two runs
give byte-identical files.

The data is synthetic. Public bodies are named with their public names so the
set reads realistically, but every tie, date, score and activity is invented,
and every expert is a fictional person with an invented name. The network
README documents the planted gaps that analyses and tests are expected to find.
"""

import argparse
import csv
import datetime as dt
import json
import os
from collections import deque
from random import Random

SEED = 20260930
NAME = "unpog-asia-pacific"
START = dt.date(2023, 1, 1)
END = dt.date(2026, 9, 30)
RECENT = dt.date(2025, 7, 1)  # dormant partners have nothing on or after this day
TARGETS = ["NPL", "LAO", "BTN", "TLS", "VUT", "ETH"]
HUB = "unpog"
PACIFIC_BROKER = "pifs"     # planted gap 3: only link to the Vanuatu cluster
BHUTAN_BROKER = "btn-rim"   # planted gap 4: Bhutan reached only through it
NO_SCHOOL_COUNTRY = "TLS"   # planted gap 1
NO_EA3_GOV_COUNTRY = "LAO"  # planted gap 7
EXPERTLESS_SECTOR = "statistics"  # planted gap 2
ISOLATED = "mekong-civic-data"    # planted gap 6 (isolated organisation)
DORMANT = ["colombo-plan", "mng-nag", "sagf", "kaz-apa"]  # planted gap 5
N_EXPERTS = 66

SECTORS = [
    "public administration", "digital government", "local governance", "health", "education",
    "employment", "environment", "climate resilience", "gender equality", "anti-corruption",
    "open government", "disaster risk reduction", "public finance", "statistics",
]
SECTOR_SDGS = {
    "public administration": [16], "digital government": [9, 16], "local governance": [11, 16],
    "health": [3], "education": [4], "employment": [8], "environment": [12, 15],
    "climate resilience": [13], "gender equality": [5], "anti-corruption": [16],
    "open government": [16], "disaster risk reduction": [11, 13], "public finance": [17],
    "statistics": [17],
}
TOPIC = {
    "public administration": "Effective and Accountable Public Institutions",
    "digital government": "Digital Government Transformation",
    "local governance": "Localizing the SDGs through Local Governance",
    "health": "Innovation in Health Service Delivery",
    "education": "Innovation in Education Service Delivery",
    "employment": "Public Employment Services and Job Creation",
    "environment": "Environmental Governance",
    "climate resilience": "Climate-Resilient Public Institutions",
    "gender equality": "Gender-Responsive Public Services",
    "anti-corruption": "Integrity and Anti-Corruption in the Public Sector",
    "open government": "Open Government and Participatory Policy-Making",
    "disaster risk reduction": "Disaster Risk Reduction and Resilient Governance",
    "public finance": "Public Financial Management for the SDGs",
    "statistics": "Data and Statistics for SDG Monitoring",
}
COUNTRY_NAME = {
    "NPL": "Nepal", "LAO": "Lao PDR", "BTN": "Bhutan", "TLS": "Timor-Leste", "VUT": "Vanuatu",
    "ETH": "Ethiopia", "KOR": "Republic of Korea", "JPN": "Japan", "THA": "Thailand",
    "IND": "India", "BGD": "Bangladesh", "LKA": "Sri Lanka", "PAK": "Pakistan", "MYS": "Malaysia",
    "PHL": "Philippines", "IDN": "Indonesia", "VNM": "Viet Nam", "KHM": "Cambodia",
    "SGP": "Singapore", "FJI": "Fiji", "PNG": "Papua New Guinea", "AUS": "Australia",
    "NCL": "New Caledonia", "KEN": "Kenya", "UGA": "Uganda", "TZA": "United Republic of Tanzania",
    "RWA": "Rwanda", "DJI": "Djibouti", "MNG": "Mongolia", "KAZ": "Kazakhstan", "USA": "United States",
    "CHE": "Switzerland", "BEL": "Belgium", "CAN": "Canada", "WSM": "Samoa", "TON": "Tonga",
    "SLB": "Solomon Islands", "KIR": "Kiribati", "MDV": "Maldives",
}
REGION_OF_COUNTRY = {
    "KOR": "nea", "JPN": "nea", "MNG": "nea",
    "NPL": "sa", "BTN": "sa", "IND": "sa", "BGD": "sa", "LKA": "sa", "PAK": "sa", "MDV": "sa",
    "LAO": "sea", "TLS": "sea", "THA": "sea", "MYS": "sea", "PHL": "sea", "IDN": "sea",
    "VNM": "sea", "KHM": "sea", "SGP": "sea",
    "VUT": "pac", "FJI": "pac", "PNG": "pac", "AUS": "pac", "NCL": "pac", "WSM": "pac",
    "TON": "pac", "SLB": "pac", "KIR": "pac",
    "ETH": "ea", "KEN": "ea", "UGA": "ea", "TZA": "ea", "RWA": "ea", "DJI": "ea",
    "KAZ": "ca",
    "USA": "glob", "CHE": "glob", "BEL": "glob", "CAN": "glob",
}
REGION_COUNTRIES = {}
for _c, _r in REGION_OF_COUNTRY.items():
    REGION_COUNTRIES.setdefault(_r, []).append(_c)
LANGUAGES = {
    "KOR": ["Korean"], "JPN": ["Japanese"], "MNG": ["Mongolian"], "NPL": ["Nepali"],
    "BTN": ["Dzongkha"], "IND": ["Hindi"], "BGD": ["Bengali"], "LKA": ["Sinhala", "Tamil"],
    "PAK": ["Urdu"], "LAO": ["Lao"], "TLS": ["Tetum", "Portuguese"], "THA": ["Thai"],
    "MYS": ["Malay"], "PHL": ["Filipino"], "IDN": ["Indonesian"], "VNM": ["Vietnamese"],
    "KHM": ["Khmer"], "SGP": ["Mandarin"], "VUT": ["Bislama", "French"], "FJI": ["Fijian"],
    "PNG": ["Tok Pisin"], "AUS": [], "ETH": ["Amharic"], "KEN": ["Swahili"], "UGA": ["Swahili"],
    "TZA": ["Swahili"], "RWA": ["Kinyarwanda", "French"], "KAZ": ["Kazakh", "Russian"],
}

# Organisations: id, name, kind, scope, country, acronym, sectors, accomplishments, join, region override.
# join: "base" (on the partner register from January 2023), a quarter index 0..14
# (0 = 2023Q1), or None (spread over 2023Q2..2026Q3 by the generator).
ORGS = [
    # --- the hub and the UN system
    ("unpog", "United Nations Project Office on Governance", "agency", "international", "KOR", "UNPOG",
     "public administration;digital government;local governance;open government", "EA1;EA2;EA3", "base", "glob"),
    ("un-desa-dpidg", "UN DESA Division for Public Institutions and Digital Government", "agency", "international",
     "USA", "DPIDG", "public administration;digital government;open government", "EA1;EA2;EA3", "base", "glob"),
    ("un-escap", "United Nations Economic and Social Commission for Asia and the Pacific", "agency", "regional",
     "THA", "ESCAP", "public administration;digital government;statistics;environment", "EA1;EA2", "base", "glob"),
    ("apcict", "Asian and Pacific Training Centre for Information and Communication Technology for Development",
     "agency", "regional", "KOR", "APCICT", "digital government;education", "EA2;EA3", "base", "glob"),
    ("siap", "Statistical Institute for Asia and the Pacific", "agency", "regional", "JPN", "SIAP",
     "statistics", "EA1", None, "glob"),
    ("unitar", "United Nations Institute for Training and Research", "agency", "international", "CHE", "UNITAR",
     "public administration;education;environment", "EA1;EA2", "base", "glob"),
    ("cifal-jeju", "CIFAL Jeju International Training Center", "agency", "local", "KOR", "CIFAL Jeju",
     "local governance;environment;climate resilience", "EA1;EA2", None, None),
    ("undrr-geti", "UNDRR Global Education and Training Institute", "agency", "international", "KOR", "GETI",
     "disaster risk reduction;climate resilience;local governance", "EA1;EA2", "base", "glob"),
    ("un-ohrlls", "UN Office of the High Representative for the Least Developed Countries, Landlocked Developing "
     "Countries and Small Island Developing States", "agency", "international", "USA", "UN-OHRLLS",
     "public administration;climate resilience", "EA1", None, "glob"),
    ("undp-seoul", "UNDP Seoul Policy Centre", "agency", "international", "KOR", "USPC",
     "public administration;anti-corruption;digital government", "EA1;EA3", None, None),
    ("undp-brh", "UNDP Bangkok Regional Hub", "agency", "regional", "THA", "BRH",
     "public administration;anti-corruption;gender equality;local governance", "EA1;EA3", None, None),
    ("undp-npl", "UNDP Nepal", "agency", "national", "NPL", "",
     "local governance;public administration;disaster risk reduction", "EA1;EA3", "base", None),
    ("undp-lao", "UNDP Lao PDR", "agency", "national", "LAO", "",
     "public administration;local governance", "EA1;EA2", "base", None),
    ("undp-tls", "UNDP Timor-Leste", "agency", "national", "TLS", "",
     "public administration;public finance;local governance", "EA1;EA3", None, None),
    ("undp-eth", "UNDP Ethiopia", "agency", "national", "ETH", "",
     "public administration;employment;local governance", "EA1;EA2", None, None),
    ("undp-pacific", "UNDP Pacific Office in Fiji", "agency", "regional", "FJI", "",
     "public administration;climate resilience;anti-corruption", "EA1;EA3", None, None),
    ("undp-gc-sgp", "UNDP Global Centre for Technology, Innovation and Sustainable Development", "agency",
     "international", "SGP", "", "digital government", "EA2", None, None),
    ("un-women-ap", "UN Women Regional Office for Asia and the Pacific", "agency", "regional", "THA", "",
     "gender equality", "EA2;EA3", None, None),
    ("unesco-bangkok", "UNESCO Asia and Pacific Regional Bureau for Education", "agency", "regional", "THA", "",
     "education", "EA2", None, None),
    ("who-searo", "WHO Regional Office for South-East Asia", "agency", "regional", "IND", "SEARO",
     "health", "EA2", None, None),
    ("ilo-roap", "ILO Regional Office for Asia and the Pacific", "agency", "regional", "THA", "ROAP",
     "employment", "EA2", None, None),
    ("unep-ap", "UNEP Asia and the Pacific Office", "agency", "regional", "THA", "",
     "environment;climate resilience", "EA2", None, None),
    ("itu-ap", "ITU Regional Office for Asia and the Pacific", "agency", "regional", "THA", "",
     "digital government", "EA2", None, None),
    ("uneca", "United Nations Economic Commission for Africa", "agency", "regional", "ETH", "ECA",
     "public administration;statistics;digital government", "EA1;EA2", "base", None),
    ("un-habitat", "UN-Habitat", "agency", "international", "KEN", "",
     "local governance;environment", "EA1;EA2", None, None),
    ("unsd", "United Nations Statistics Division", "agency", "international", "USA", "UNSD",
     "statistics", "EA1", None, "glob"),
    ("adb", "Asian Development Bank", "agency", "regional", "PHL", "ADB",
     "public finance;digital government;climate resilience", "EA1;EA2", None, "glob"),
    # --- regional and intergovernmental bodies
    ("asean-sec", "ASEAN Secretariat", "agency", "regional", "IDN", "ASEAN",
     "public administration;digital government", "EA1;EA3", "base", None),
    ("pifs", "Pacific Islands Forum Secretariat", "agency", "regional", "FJI", "PIFS",
     "public administration;climate resilience;open government", "EA1;EA3", "base", None),
    ("spc", "Pacific Community", "agency", "regional", "NCL", "SPC",
     "statistics;climate resilience;health", "EA2", None, None),
    ("igad", "Intergovernmental Authority on Development", "agency", "regional", "DJI", "IGAD",
     "public administration;disaster risk reduction;climate resilience", "EA1", None, None),
    ("eac", "East African Community Secretariat", "agency", "regional", "TZA", "EAC",
     "public administration;employment", "EA1", None, None),
    ("auc", "African Union Commission", "agency", "regional", "ETH", "AUC",
     "public administration;anti-corruption", "EA1;EA3", None, None),
    ("colombo-plan", "Colombo Plan Secretariat", "agency", "regional", "LKA", "",
     "public administration;education", "EA1", 0, None),
    ("apo", "Asian Productivity Organization", "agency", "regional", "JPN", "APO",
     "public administration;employment", "EA2", None, "glob"),
    ("astana-hub", "Astana Civil Service Hub", "agency", "regional", "KAZ", "ACSH",
     "public administration", "EA1;EA3", None, None),
    # --- associations and networks of public administration (kind cso)
    ("iasia", "International Association of Schools and Institutes of Administration", "cso", "", "BEL", "IASIA",
     "public administration;education", "EA1", "base", "glob"),
    ("iias", "International Institute of Administrative Sciences", "cso", "", "BEL", "IIAS",
     "public administration", "EA1", "base", "glob"),
    ("eropa", "Eastern Regional Organization for Public Administration", "cso", "", "PHL", "EROPA",
     "public administration;local governance", "EA1;EA3", "base", "glob"),
    ("aapa", "Asian Association for Public Administration", "cso", "", "KOR", "AAPA",
     "public administration", "EA1", None, "glob"),
    ("napsipag", "Network of Asia-Pacific Schools and Institutes of Public Administration and Governance", "cso",
     "", "", "NAPSIPAG", "public administration;education;local governance", "EA1;EA3", "base", "glob"),
    ("aapam", "African Association for Public Administration and Management", "cso", "", "KEN", "AAPAM",
     "public administration", "EA1", None, None),
    ("capam", "Commonwealth Association for Public Administration and Management", "cso", "", "CAN", "CAPAM",
     "public administration;open government", "EA1;EA3", None, "glob"),
    ("ogp", "Open Government Partnership Support Unit", "cso", "", "USA", "OGP",
     "open government;anti-corruption", "EA3", None, "glob"),
    # --- Republic of Korea
    ("kor-mois", "Ministry of the Interior and Safety", "government", "", "KOR", "MOIS",
     "public administration;digital government;local governance;disaster risk reduction", "EA1;EA2;EA3",
     "base", None),
    ("kor-koica", "Korea International Cooperation Agency", "government", "", "KOR", "KOICA",
     "public administration;health;education", "EA2", None, None),
    ("kor-nia", "National Information Society Agency", "government", "", "KOR", "NIA",
     "digital government", "EA2;EA3", None, None),
    ("kor-mpm", "Ministry of Personnel Management", "government", "", "KOR", "MPM",
     "public administration", "EA1", None, None),
    ("kor-incheon", "Incheon Metropolitan City", "government", "", "KOR", "",
     "local governance", "EA1;EA3", None, None),
    ("kor-kdis", "KDI School of Public Policy and Management", "school", "", "KOR", "KDIS",
     "public administration;public finance", "EA1;EA2", "base", None),
    ("kor-nhi", "National Human Resources Development Institute", "school", "", "KOR", "NHI",
     "public administration", "EA1", None, None),
    ("kor-logodi", "Local Government Officials Development Institute", "school", "", "KOR", "LOGODI",
     "local governance", "EA1", None, None),
    ("kor-snu-gspa", "Seoul National University Graduate School of Public Administration", "school", "", "KOR",
     "GSPA", "public administration;digital government", "EA1;EA3", None, None),
    ("kor-kipa", "Korea Institute of Public Administration", "cso", "", "KOR", "KIPA",
     "public administration;open government;anti-corruption", "EA1;EA3", "base", None),
    ("kor-krila", "Korea Research Institute for Local Administration", "cso", "", "KOR", "KRILA",
     "local governance", "EA1", None, None),
    # --- Nepal (target)
    ("npl-mofaga", "Ministry of Federal Affairs and General Administration", "government", "", "NPL", "MoFAGA",
     "local governance;public administration", "EA1;EA3", "base", None),
    ("npl-npc", "National Planning Commission (Nepal)", "government", "", "NPL", "NPC",
     "public finance;statistics", "EA1", None, None),
    ("npl-psc", "Public Service Commission (Nepal)", "government", "", "NPL", "PSC",
     "public administration", "EA1", None, None),
    ("npl-kmc", "Kathmandu Metropolitan City", "government", "", "NPL", "KMC",
     "local governance;health", "EA2;EA3", None, None),
    ("npl-nasc", "Nepal Administrative Staff College", "school", "", "NPL", "NASC",
     "public administration;local governance", "EA1;EA2", "base", None),
    ("npl-tu-pac", "Public Administration Campus, Tribhuvan University", "school", "", "NPL", "",
     "public administration", "EA1;EA2", None, None),
    ("npl-hcag", "Himalayan Centre for Accountable Governance", "cso", "", "NPL", "HCAG",
     "anti-corruption;open government", "EA3", None, None),
    ("npl-ldf", "Nepal Local Democracy Forum", "cso", "", "NPL", "",
     "local governance;gender equality", "EA3", None, None),
    # --- Lao PDR (target; planted gap 7: no government body tagged EA3)
    ("lao-moha", "Ministry of Home Affairs, Lao PDR", "government", "", "LAO", "MOHA",
     "public administration;local governance", "EA1", "base", None),
    ("lao-mpi", "Ministry of Planning and Investment, Lao PDR", "government", "", "LAO", "MPI",
     "public finance;statistics", "EA1;EA2", 1, None),
    ("lao-mtc", "Ministry of Technology and Communications, Lao PDR", "government", "", "LAO", "MTC",
     "digital government", "EA2", None, None),
    ("lao-lsb", "Lao Statistics Bureau", "government", "", "LAO", "LSB",
     "statistics", "EA1", None, None),
    ("lao-nappa", "National Academy of Politics and Public Administration, Lao PDR", "school", "", "LAO", "NAPPA",
     "public administration;education", "EA1;EA2", "base", None),
    ("lao-nuol-flp", "Faculty of Law and Political Science, National University of Laos", "school", "", "LAO",
     "", "public administration", "EA1", None, None),
    ("lao-lases", "Lao Academy of Social and Economic Sciences", "cso", "", "LAO", "LASES",
     "public administration;employment", "EA2;EA3", None, None),
    ("lao-mcsn", "Mekong Citizens' Service Network", "cso", "", "LAO", "",
     "gender equality;education", "EA3", None, None),
    # --- Bhutan (target; planted gap 4: reached only through btn-rim)
    ("btn-rim", "Royal Institute of Management (Bhutan)", "school", "", "BTN", "RIM",
     "public administration;public finance", "EA1;EA2", "base", None),
    ("btn-rcsc", "Royal Civil Service Commission (Bhutan)", "government", "", "BTN", "RCSC",
     "public administration", "EA1;EA3", 0, None),
    ("btn-govtech", "GovTech Agency (Bhutan)", "government", "", "BTN", "",
     "digital government", "EA2;EA3", 5, None),
    # --- Timor-Leste (target; planted gap 1: no school)
    ("tls-msa", "Ministry of State Administration, Timor-Leste", "government", "", "TLS", "MSA",
     "local governance;public administration", "EA1;EA3", "base", None),
    ("tls-csc", "Civil Service Commission, Timor-Leste", "government", "", "TLS", "CFP",
     "public administration", "EA1", None, None),
    ("tls-tic", "TIC Timor, Information and Communication Technology Agency", "government", "", "TLS", "",
     "digital government", "EA2", None, None),
    ("tls-obi", "Timor-Leste Open Budget Initiative", "cso", "", "TLS", "",
     "public finance;open government;anti-corruption", "EA3", None, None),
    ("tls-dipd", "Dili Institute for Policy Dialogue", "cso", "", "TLS", "DIPD",
     "public administration;gender equality", "EA2;EA3", None, None),
    # --- Vanuatu (target; planted gap 3: reached only through pifs)
    ("vut-mia", "Ministry of Internal Affairs, Vanuatu", "government", "", "VUT", "MIA",
     "local governance;public administration", "EA1", 0, None),
    ("vut-psc", "Public Service Commission, Vanuatu", "government", "", "VUT", "PSC",
     "public administration", "EA1;EA2", 1, None),
    ("vut-ogcio", "Office of the Government Chief Information Officer, Vanuatu", "government", "", "VUT",
     "OGCIO", "digital government", "EA2;EA3", 3, None),
    ("vut-ndmo", "National Disaster Management Office, Vanuatu", "government", "", "VUT", "NDMO",
     "disaster risk reduction;climate resilience", "EA2", 5, None),
    ("vut-pstc", "Vanuatu Public Service Training Centre", "school", "", "VUT", "",
     "public administration;education", "EA1;EA2", 2, None),
    ("vut-picv", "Pacific Island Civic Voices", "cso", "", "VUT", "PICV",
     "open government;gender equality;climate resilience", "EA3", 7, None),
    # --- Ethiopia (target)
    ("eth-ecsu", "Ethiopian Civil Service University", "school", "", "ETH", "ECSU",
     "public administration;education;local governance", "EA1;EA2", "base", None),
    ("eth-mopd", "Ministry of Planning and Development (Ethiopia)", "government", "", "ETH", "MoPD",
     "public finance;statistics", "EA1", None, None),
    ("eth-csc", "Civil Service Commission (Ethiopia)", "government", "", "ETH", "",
     "public administration", "EA1;EA3", None, None),
    ("eth-mint", "Ministry of Innovation and Technology (Ethiopia)", "government", "", "ETH", "MInT",
     "digital government", "EA2;EA3", None, None),
    ("eth-ess", "Ethiopian Statistics Service", "government", "", "ETH", "ESS",
     "statistics", "EA1", None, None),
    ("eth-aaca", "Addis Ababa City Administration", "government", "", "ETH", "",
     "local governance;health", "EA2", None, None),
    ("eth-hapif", "Horn of Africa Public Integrity Forum", "cso", "", "ETH", "HAPIF",
     "anti-corruption;open government", "EA3", None, None),
    # --- South Asia
    ("ind-iipa", "Indian Institute of Public Administration", "school", "", "IND", "IIPA",
     "public administration;local governance", "EA1", None, None),
    ("bgd-bpatc", "Bangladesh Public Administration Training Centre", "school", "", "BGD", "BPATC",
     "public administration", "EA1;EA2", None, None),
    ("bgd-a2i", "Aspire to Innovate Programme (Bangladesh)", "government", "", "BGD", "a2i",
     "digital government", "EA2;EA3", None, None),
    ("bgd-icrg", "Institute for Climate-Resilient Governance", "cso", "", "BGD", "ICRG",
     "climate resilience;disaster risk reduction;local governance", "EA2;EA3", None, None),
    ("lka-slida", "Sri Lanka Institute of Development Administration", "school", "", "LKA", "SLIDA",
     "public administration", "EA1", None, None),
    ("pak-nspp", "National School of Public Policy (Pakistan)", "school", "", "PAK", "NSPP",
     "public administration", "EA1", None, None),
    ("sagf", "South Asia Governance Forum", "cso", "", "IND", "SAGF",
     "public administration;anti-corruption", "EA1;EA3", 0, None),
    # --- South-East Asia
    ("mys-intan", "National Institute of Public Administration (INTAN), Malaysia", "school", "", "MYS", "INTAN",
     "public administration", "EA1", None, None),
    ("phl-dap", "Development Academy of the Philippines", "school", "", "PHL", "DAP",
     "public administration;public finance", "EA1;EA2", None, None),
    ("phl-upncpag", "University of the Philippines National College of Public Administration and Governance",
     "school", "", "PHL", "UP NCPAG", "public administration;local governance", "EA1;EA3", None, None),
    ("phl-csc", "Civil Service Commission (Philippines)", "government", "", "PHL", "CSC",
     "public administration", "EA1", None, None),
    ("tha-nida", "National Institute of Development Administration (Thailand)", "school", "", "THA", "NIDA",
     "public administration", "EA1", None, None),
    ("idn-lan", "National Institute of Public Administration (LAN), Indonesia", "school", "", "IDN", "LAN",
     "public administration", "EA1;EA2", None, None),
    ("vnm-napa", "National Academy of Public Administration (Viet Nam)", "school", "", "VNM", "NAPA",
     "public administration", "EA1", None, None),
    ("vnm-vass", "Vietnam Academy of Social Sciences", "cso", "", "VNM", "VASS",
     "public administration;employment", "EA2", None, None),
    ("khm-era", "Royal School of Administration (Cambodia)", "school", "", "KHM", "ERA",
     "public administration", "EA1", None, None),
    ("sgp-csc", "Civil Service College Singapore", "school", "", "SGP", "CSC",
     "public administration;digital government", "EA1;EA2", None, None),
    ("apogl", "Asia-Pacific Open Government Lab", "cso", "", "PHL", "",
     "open government;digital government", "EA3", None, None),
    ("mppf", "Mekong Public Policy Forum", "cso", "", "THA", "MPPF",
     "public administration;environment", "EA2;EA3", None, None),
    ("wpsn-asia", "Women in Public Service Network Asia", "cso", "", "THA", "",
     "gender equality;public administration", "EA3", None, None),
    ("idn-nipi", "Nusantara Institute for Public Integrity", "cso", "", "IDN", "",
     "anti-corruption", "EA3", None, None),
    (ISOLATED, "Mekong Civic Data Collaborative", "cso", "", "KHM", "",
     "statistics;open government", "EA3", None, None),
    # --- Pacific (outside the Vanuatu cluster)
    ("fji-usp", "The University of the South Pacific", "school", "", "FJI", "USP",
     "public administration;education;climate resilience", "EA1;EA2", None, None),
    ("png-ipa", "Papua New Guinea Institute of Public Administration", "school", "", "PNG", "PNG IPA",
     "public administration", "EA1", None, None),
    ("aus-anzsog", "Australia and New Zealand School of Government", "school", "", "AUS", "ANZSOG",
     "public administration", "EA1", None, None),
    ("fji-mcs", "Ministry of Civil Service (Fiji)", "government", "", "FJI", "MCS",
     "public administration", "EA1", None, None),
    ("pogn", "Pacific Open Governance Network", "cso", "", "FJI", "POGN",
     "open government;climate resilience", "EA3", None, None),
    ("phspc", "Pacific Health Systems Policy Centre", "cso", "", "FJI", "",
     "health", "EA2", None, None),
    # --- Eastern Africa
    ("ken-ksg", "Kenya School of Government", "school", "", "KEN", "KSG",
     "public administration", "EA1;EA2", None, None),
    ("uga-umi", "Uganda Management Institute", "school", "", "UGA", "UMI",
     "public administration", "EA1", None, None),
    ("tza-tpsc", "Tanzania Public Service College", "school", "", "TZA", "TPSC",
     "public administration", "EA1", None, None),
    ("rwa-mifotra", "Ministry of Public Service and Labour (Rwanda)", "government", "", "RWA", "MIFOTRA",
     "public administration;employment", "EA1;EA2", None, None),
    ("eago", "East Africa Governance Observatory", "cso", "", "KEN", "EAGO",
     "anti-corruption;open government", "EA3", None, None),
    # --- Central and North Asia
    ("mng-nag", "National Academy of Governance (Mongolia)", "school", "", "MNG", "NAG",
     "public administration", "EA1", 0, None),
    ("kaz-apa", "Academy of Public Administration under the President of the Republic of Kazakhstan", "school",
     "", "KAZ", "", "public administration", "EA1", 1, None),
]

NETWORKS = ["iasia", "iias", "eropa", "aapa", "napsipag", "aapam", "capam", "ogp"]
UN_HUBS = ["unpog", "un-desa-dpidg", "un-escap", "apcict", "unitar", "undrr-geti"]
FUNDING = [  # donor, recipient, earliest quarter, weight, ends
    ("kor-mois", HUB, 0, 5, False),
    ("kor-koica", "undp-lao", 4, 3, False),
    ("kor-koica", "eth-ecsu", 6, 2, False),
    ("adb", "lao-mpi", 2, 3, True),
    ("adb", "tls-msa", 9, 2, False),
    ("kor-mois", "cifal-jeju", 5, 2, False),
]

FIRST_NAMES = [
    "Aroha", "Tashi", "Sonam", "Malia", "Noa", "Leilani", "Anaru", "Priya", "Ravi", "Mei", "Lin", "Yuna",
    "Minh", "Thanh", "Sitani", "Tevita", "Amara", "Selam", "Hana", "Jae-won", "Kiri", "Dawa", "Pema", "Ngaio",
    "Rangi", "Amani", "Zawadi", "Tigist", "Dawit", "Meron", "Arjun", "Nisha", "Farah", "Samira", "Bolat",
    "Aigerim", "Saran", "Oyun", "Chanthy", "Sokha", "Vilay", "Khamla", "Inês", "Mateus", "Lúcia", "Rosa",
    "Tomasi", "Salote", "Moana", "Kalani", "Imran", "Nadia", "Hiroko", "Kenta", "Sung-min", "Ji-ho", "Elif",
    "Mirela", "Tendai", "Asha", "Rehana", "Luana", "Mahlet", "Yonas", "Kamal", "Thida", "Arnav", "Sefa",
]
SURNAME_PARTS = [
    "Tenzing", "Lee", "Lindqvist", "Varga", "Park", "Sharma", "Rai", "Gurung", "Soares", "Tari", "Bekele",
    "Haile", "Mwangi", "Otieno", "Nakamura", "Santos", "Reyes", "Nguyen", "Tran", "Chen", "Dorji", "Thapa",
    "Andersen", "Moreau", "Kowalski", "Ibrahim", "Rahman", "Perera", "Fernando", "Fifita", "Kaur", "Ahmed",
    "Kim", "Choi", "Yamada", "Osei", "Mensah", "Tesfaye", "Wolde", "Mutua", "Achieng", "Novak", "Lund",
    "Holm", "Berg", "Castillo", "Ramos", "Saito", "Ono", "Quispe", "Halvorsen", "Okello", "Vong", "Sisouk",
]


def d(s):
    return dt.date.fromisoformat(s)


def quarter_start(q):
    return dt.date(2023 + q // 4, 1 + 3 * (q % 4), 1)


def quarter_end(q):
    return quarter_start(q + 1) - dt.timedelta(days=1) if q < 14 else END


def rand_date(rng, lo, hi):
    if hi < lo:
        raise ValueError(f"empty date range {lo}..{hi}")
    return dt.date.fromordinal(rng.randint(lo.toordinal(), hi.toordinal()))


def split(s):
    return [x for x in s.split(";") if x] if s else []


def sdgs_for(sectors, rng, extra=(16, 17)):
    out = []
    for s in sectors:
        out.extend(SECTOR_SDGS[s])
    for g in extra:
        if rng.random() < 0.8:
            out.append(g)
    if not out:
        out = [16]
    return sorted(dict.fromkeys(out))


class Network:
    def __init__(self, rng):
        self.rng = rng
        self.nodes = {}        # id -> dict (insertion order = output order)
        self.ties = []
        self.tie_keys = {}     # key -> tie
        self.activities = []
        self.participation = []

    # ------------------------------------------------------------------ helpers
    def zone(self, nid):
        """Which part of the network a node may touch: 'vut', 'btn' or 'main'."""
        return self.nodes[nid]["zone"]

    def compatible(self, a, b):
        za, zb = self.zone(a), self.zone(b)
        if za == zb:
            return True
        pair = {za, zb}
        if pair == {"vut", "main"}:
            return PACIFIC_BROKER in (a, b)
        if pair == {"btn", "main"}:
            return BHUTAN_BROKER in (a, b)
        return False

    def latest_allowed(self, *ids):
        """Last day a new tie or activity may involve all of ids (dormant partners stop before RECENT)."""
        if any(self.nodes[i]["dormant"] for i in ids):
            return RECENT - dt.timedelta(days=1)
        return END

    def key(self, a, b, kind):
        if kind == "funding":
            return (a, b, kind)
        return (min(a, b), max(a, b), kind)

    def has_tie(self, a, b, kind):
        return self.key(a, b, kind) in self.tie_keys

    def linked(self, a, b):
        """Whether a and b already share a tie of any kind."""
        return any(t["source"] in (a, b) and t["target"] in (a, b) for t in self.ties)

    def add_tie(self, a, b, kind, since, weight=1, until=None, trust=None, value=None, source_ref=None,
                anchor=False):
        assert a != b and self.compatible(a, b), (a, b)
        assert ISOLATED not in (a, b)
        k = self.key(a, b, kind)
        if k in self.tie_keys:
            return None
        if until is not None:
            assert until >= since
        if source_ref is None:
            source_ref = default_tie_ref(kind, since)
        t = {"source": a, "target": b, "kind": kind, "weight": weight, "trust": trust, "value": value,
             "since": since, "until": until, "source_ref": source_ref, "anchor": anchor}
        self.ties.append(t)
        self.tie_keys[k] = t
        return t

    def joined(self, nid):
        return self.nodes[nid]["join"]

    def org_ids(self):
        return [n for n, v in self.nodes.items() if v["kind"] != "expert"]

    def expert_ids(self):
        return [n for n, v in self.nodes.items() if v["kind"] == "expert"]


def default_tie_ref(kind, since):
    y, ym = since.year, since.strftime("%Y-%m")
    return {
        "partnership": f"partner register {y}",
        "affiliation": f"expert roster {y}",
        "membership": f"network membership list {y}",
        "engagement": f"engagement record {ym}",
        "funding": f"funding agreement {ym}",
    }.get(kind, f"partner register {y}")


def tie_kind_for(net, a, b):
    """The natural kind of a new tie between organisations a and b (a is the newcomer)."""
    ka, kb = net.nodes[a]["kind"], net.nodes[b]["kind"]
    if b in NETWORKS and ka in ("school", "cso") and a not in NETWORKS:
        return "membership", a, b
    if a in NETWORKS and kb in ("school", "cso") and b not in NETWORKS:
        return "membership", b, a
    if a == "iasia" and b == "iias":
        return "membership", a, b
    if HUB in (a, b) and "government" in (ka, kb) and (net.nodes[a]["country"] in TARGETS
                                                      or net.nodes[b]["country"] in TARGETS):
        return "engagement", a, b
    return "partnership", a, b


def affinity(net, a, b):
    na, nb = net.nodes[a], net.nodes[b]
    w = 0.1
    if na["country"] and na["country"] == nb["country"]:
        w = 8.0
    elif na["region"] == nb["region"] and na["region"] != "glob":
        w = 3.0
    elif "glob" in (na["region"], nb["region"]):
        w = 0.6
    if b == HUB or a == HUB:
        w += 3.0
    if b in NETWORKS and na["kind"] in ("school", "cso"):
        w += 1.5 if nb["region"] == "glob" or nb["region"] == na["region"] else 0.0
    if nb["kind"] == "agency":
        w += 0.5
    shared = len(set(na["sectors"]) & set(nb["sectors"]))
    w *= 1.0 + 0.3 * shared
    return w


def weighted_choice(rng, items, weights):
    total = sum(weights)
    if total <= 0:
        return None
    x = rng.random() * total
    acc = 0.0
    for it, w in zip(items, weights):
        acc += w
        if x < acc:
            return it
    return items[-1]


# ---------------------------------------------------------------------- nodes
# Names in the organisations' own scripts, for maps drawn in local languages (--label-by name_local).
NAME_LOCAL = {
    "unpog": "유엔거버넌스센터",
    "kor-mois": "행정안전부",
    "khm-era": "សាលាភូមិន្ទរដ្ឋបាល",
    "lao-moha": "ກະຊວງພາຍໃນ",
    "tha-nida": "สถาบันบัณฑิตพัฒนบริหารศาสตร์",
    "mng-nag": "Удирдлагын академи",
    "eth-ecsu": "የኢትዮጵያ ሲቪል ሰርቪስ ዩኒቨርሲቲ",
    "npl-nasc": "नेपाल प्रशासनिक प्रशिक्षण प्रतिष्ठान",
    "btn-rim": "རྒྱལ་གཞུང་འཛིན་སྐྱོང་སློབ་གྲྭ",
}


def build_orgs(net):
    rng = net.rng
    free = []
    for (oid, name, kind, scope, country, acronym, sectors, eas, join, region) in ORGS:
        zone = "main"
        if country == "VUT":
            zone = "vut"
        elif country == "BTN" and oid != BHUTAN_BROKER:
            zone = "btn"
        node = {
            "id": oid, "name": name, "kind": kind, "scope": scope, "country": country,
            "sectors": split(sectors), "accomplishments": split(eas), "consent": "",
            "acronym": acronym, "languages": "", "experience": "",
            "region": region or REGION_OF_COUNTRY.get(country, "glob"), "zone": zone,
            "dormant": oid in DORMANT, "isolated": oid == ISOLATED, "join": None,
        }
        node["sdgs"] = sdgs_for(node["sectors"], rng)
        net.nodes[oid] = node
        if oid in (HUB, "kor-mois"):  # the office and its supporter open the register
            node["join"] = START
        elif oid == ISOLATED:
            node["join"] = None
        elif join == "base":
            node["join"] = rand_date(rng, dt.date(2023, 1, 2), dt.date(2023, 1, 31))
        elif isinstance(join, int):
            lo = max(quarter_start(join), dt.date(2023, 2, 1))
            node["join"] = rand_date(rng, lo, quarter_end(join))
        else:
            free.append(oid)
    # spread the rest over 2023Q2..2026Q3 so that every quarter brings new partners
    rng.shuffle(free)
    for i, oid in enumerate(free):
        q = 1 + (i % 14)
        net.nodes[oid]["join"] = rand_date(rng, quarter_start(q), quarter_end(q))
    # a few bodies must be there before the ties that need them
    for oid, latest in (("kor-koica", quarter_end(3)), ("adb", quarter_end(1)), ("siap", quarter_end(2))):
        if net.nodes[oid]["join"] > latest:
            net.nodes[oid]["join"] = rand_date(rng, dt.date(2023, 2, 1), latest)
    for oid in DORMANT:
        assert net.nodes[oid]["join"] < dt.date(2024, 1, 1)


def make_expert_names(rng, n):
    firsts = list(FIRST_NAMES)
    rng.shuffle(firsts)
    names, used = [], []
    for i in range(n):
        first = firsts[i % len(firsts)]
        while True:
            a, b = rng.sample(SURNAME_PARTS, 2)
            sur = f"{a}-{b}"
            if sur not in used:
                used.append(sur)
                break
        r = rng.random()
        title = "Dr. " if r < 0.5 else ("Prof. " if r < 0.65 else "")
        names.append(f"{title}{first} {sur}")
    return names


def build_experts(net):
    rng = net.rng
    names = make_expert_names(rng, N_EXPERTS)
    # the zone and join quarter of each expert, fixed for the planted structure
    plan = []
    plan += [("vut", 1), ("vut", 4), ("vut", 8)]          # Vanuatu cluster experts
    plan += [("btn", 1), ("btn", 6)]                       # Bhutan experts (behind btn-rim)
    plan += [("unaffiliated", 3), ("unaffiliated", 9)]     # planted gap 6
    rest = N_EXPERTS - len(plan)
    for i in range(rest):
        q = 0 if i < 16 else 1 + ((i - 16) % 14)
        plan.append(("main", q))
    consent = ["yes"] * 47 + ["no"] * (N_EXPERTS - 47)
    rng.shuffle(consent)
    vocab = [s for s in SECTORS if s != EXPERTLESS_SECTOR]
    for i, ((zone, q), name) in enumerate(zip(plan, names)):
        eid = f"exp-{i + 1:03d}"
        lo = max(quarter_start(q), dt.date(2023, 2, 1))
        join = rand_date(rng, lo, quarter_end(q))
        net.nodes[eid] = {
            "id": eid, "name": name, "kind": "expert", "scope": "", "country": "",
            "sectors": [], "accomplishments": [], "sdgs": [], "consent": consent[i],
            "acronym": "", "languages": "", "experience": "", "region": "glob",
            "zone": "main" if zone == "unaffiliated" else zone, "dormant": False, "isolated": False,
            "join": join, "plan": zone,
        }
    return vocab


def affiliation_candidates(net, eid):
    e = net.nodes[eid]
    out = []
    for oid in net.org_ids():
        o = net.nodes[oid]
        if o["isolated"] or o["dormant"] or oid == HUB or o["join"] > e["join"]:
            continue
        if e["plan"] == "vut":
            if o["zone"] != "vut":
                continue
        elif e["plan"] == "btn":
            if oid not in ("btn-rcsc", BHUTAN_BROKER):
                continue
        else:
            if o["zone"] != "main" or oid in (PACIFIC_BROKER, BHUTAN_BROKER):
                continue
        out.append(oid)
    return out


def expert_weight(net, oid):
    o = net.nodes[oid]
    w = {"school": 3.0, "cso": 2.5, "agency": 1.6, "government": 0.8}[o["kind"]]
    if oid in NETWORKS:
        w = 0.6
    if o["country"] in TARGETS:
        w *= 1.4
    return w


def affiliate_experts(net, vocab):
    rng = net.rng
    for eid in net.expert_ids():
        e = net.nodes[eid]
        plan = e["plan"]
        orgs = []
        if plan == "btn":
            orgs = ["btn-rcsc"] if eid == "exp-004" else [BHUTAN_BROKER]
        elif plan != "unaffiliated":
            cands = affiliation_candidates(net, eid)
            first = weighted_choice(rng, cands, [expert_weight(net, c) for c in cands])
            assert first is not None, eid
            orgs = [first]
            if plan == "main" and rng.random() < 0.35:
                rest = [c for c in cands if c != first]
                second = weighted_choice(rng, rest, [expert_weight(net, c) * affinity(net, first, c)
                                                     for c in rest])
                if second:
                    orgs.append(second)
            if plan == "vut" and eid == "exp-003":
                orgs.append(PACIFIC_BROKER)  # also on the PIFS roster: still on the Vanuatu side
        e["affiliations"] = orgs
        # profile: country, sectors, EAs, languages, experience
        if orgs:
            home = net.nodes[orgs[0]]
            country = home["country"]
            if not country or home["region"] == "glob" and rng.random() < 0.5:
                region = rng.choice(["nea", "sa", "sea", "pac", "ea"])
                country = rng.choice(sorted(REGION_COUNTRIES[region]))
                if country in ("VUT", "BTN"):
                    country = "FJI" if country == "VUT" else "NPL"
            pool = list(dict.fromkeys(s for o in orgs for s in net.nodes[o]["sectors"] if s in vocab))
        else:
            country = rng.choice(["KOR", "PHL", "KEN", "AUS"])
            pool = []
        e["country"] = country
        e["region"] = REGION_OF_COUNTRY.get(country, "glob")
        n_sec = rng.randint(2, 3)
        sectors = []
        if pool:
            sectors.append(rng.choice(pool))
        while len(sectors) < n_sec:
            s = rng.choice(vocab)
            if s not in sectors:
                sectors.append(s)
        e["sectors"] = sectors
        e["accomplishments"] = sorted(rng.sample(["EA1", "EA2", "EA3"], rng.randint(1, 2)))
        e["sdgs"] = sdgs_for(sectors, rng)
        langs = ["English"] + LANGUAGES.get(country, [])
        if rng.random() < 0.2 and "French" not in langs:
            langs.append("French")
        if rng.random() < 0.12 and "Portuguese" not in langs:
            langs.append("Portuguese")
        e["languages"] = ";".join(langs)
        exp = [country]
        region_pool = [c for c in REGION_COUNTRIES.get(e["region"], []) if c not in exp]
        if plan == "vut":
            exp += ["VUT"] + rng.sample(["FJI", "SLB", "WSM", "TON"], 2)
        elif plan == "btn":
            exp += rng.sample(["NPL", "IND", "BGD"], 1)
        else:
            for _ in range(rng.randint(1, 4)):
                pool2 = region_pool + TARGETS if rng.random() < 0.6 else sorted(COUNTRY_NAME)
                c = rng.choice(pool2)
                if c not in exp and c in LANGUAGES:
                    exp.append(c)
        e["experience"] = ";".join(dict.fromkeys(exp))
    # every sector except the planted one is covered by at least one expert
    experts = net.expert_ids()
    for s in vocab:
        if not any(s in net.nodes[x]["sectors"] for x in experts):
            x = net.nodes[rng.choice(experts[7:])]
            x["sectors"][-1] = s
            x["sdgs"] = sdgs_for(x["sectors"], rng)


# ----------------------------------------------------------------------- ties
def pick_since(net, rng, a, b, hi=None, skew=1.6):
    lo = max(net.joined(a), net.joined(b))
    hi = min(hi or END, net.latest_allowed(a, b))
    if hi < lo:
        return None
    span = (hi - lo).days
    return lo + dt.timedelta(days=int(span * (rng.random() ** skew)))


def maybe_until(net, rng, a, b, since, p):
    if rng.random() >= p:
        return None
    hi = min(END - dt.timedelta(days=20), net.latest_allowed(a, b))
    lo = since + dt.timedelta(days=150)
    if hi < lo:
        return None
    return rand_date(rng, lo, hi)


def quality(rng, weight):
    if rng.random() < 0.5:
        base = 1 + min(3, (weight - 1) * 3 // 4)
        trust = max(1, min(4, base + rng.choice([-1, 0, 0, 1])))
        value = max(1, min(4, base + rng.choice([-1, 0, 1])))
        return trust, value
    return None, None


def build_org_ties(net):
    rng = net.rng
    orgs = [o for o in net.org_ids() if not net.nodes[o]["isolated"]]
    order = sorted(orgs, key=lambda o: (net.joined(o), o != HUB, o))
    # 1. anchor ties: every newcomer ties to someone already in the network on its joining day
    for i, o in enumerate(order):
        if o == HUB:
            continue
        earlier = [p for p in order[:i] if net.compatible(o, p)
                   and not (net.nodes[p]["dormant"] and net.joined(o) >= RECENT)]
        if o in DORMANT:
            earlier = [p for p in earlier if p not in (BHUTAN_BROKER, PACIFIC_BROKER)]
        if net.nodes[o]["zone"] == "vut" and net.nodes[o]["join"] < quarter_start(3):
            earlier = [PACIFIC_BROKER]  # the first Vanuatu partners came through PIFS
        ws = [affinity(net, o, p) for p in earlier]
        p = weighted_choice(rng, earlier, ws)
        kind, s, t = tie_kind_for(net, o, p)
        w = rng.randint(2, 4)
        tr, va = quality(rng, w) if kind == "partnership" else (None, None)
        net.add_tie(s, t, kind, net.joined(o), weight=w, trust=tr, value=va, anchor=True)
    # 2. funding (directed donor -> recipient)
    for donor, rec, q, w, ends in FUNDING:
        lo = max(quarter_start(q), net.joined(donor), net.joined(rec))
        since = rand_date(rng, lo, min(END, lo + dt.timedelta(days=80))) if (donor, rec) != ("kor-mois", HUB) \
            else START
        until = rand_date(rng, max(since + dt.timedelta(days=365), d("2024-07-01")), d("2025-06-30")) \
            if ends else None
        net.add_tie(donor, rec, "funding", since, weight=w, until=until)
    # 3. the hub's own portfolio
    for o in orgs:
        if o == HUB or not net.compatible(o, HUB):
            continue
        no = net.nodes[o]
        p = 0.45
        if no["kind"] == "agency" or o in NETWORKS or (no["country"] in TARGETS and no["kind"] != "cso"):
            p = 0.9
        if o in DORMANT:
            p = 0.6
        if rng.random() < p:
            kind, s, t = tie_kind_for(net, HUB, o)
            if kind == "membership":
                kind, s, t = "partnership", HUB, o
            since = pick_since(net, rng, HUB, o, skew=2.5)
            if since is None:
                continue
            w = rng.randint(2, 5)
            tr, va = quality(rng, w) if kind == "partnership" else (None, None)
            net.add_tie(s, t, kind, since, weight=w, trust=tr, value=va,
                        until=maybe_until(net, rng, HUB, o, since, 0.08 if o not in DORMANT else 0.5))
    # 4. memberships of schools and CSOs in the networks of public administration
    for o in orgs:
        no = net.nodes[o]
        if no["kind"] not in ("school", "cso") or o in NETWORKS or no["zone"] != "main":
            continue
        r = no["region"]
        if no["kind"] == "school":
            if r == "ea":
                probs = {"aapam": 0.9, "iasia": 0.4, "capam": 0.35}
            else:
                probs = {"napsipag": 0.85, "eropa": 0.4, "iasia": 0.3, "aapa": 0.3 if r != "pac" else 0.05}
                if no["country"] in ("IND", "BGD", "LKA", "PAK", "MYS", "SGP", "FJI", "PNG", "AUS"):
                    probs["capam"] = 0.35
        else:
            probs = {"napsipag": 0.15, "eropa": 0.15} if r != "ea" else {"aapam": 0.3}
            if "open government" in no["sectors"] or "anti-corruption" in no["sectors"]:
                probs["ogp"] = 0.5
        for netw in NETWORKS:
            if netw in probs and rng.random() < probs[netw]:
                since = pick_since(net, rng, o, netw, skew=3.0)
                if since:
                    net.add_tie(o, netw, "membership", since, weight=1,
                                until=maybe_until(net, rng, o, netw, since, 0.06))
    net.add_tie("iasia", "iias", "membership", net.joined("iasia"), weight=2)
    # 5. further partnerships, by affinity (regional clusters, shared sectors)
    extra = {"agency": (2, 4), "school": (1, 2), "cso": (1, 2), "government": (1, 2)}
    for o in order:
        lo_n, hi_n = extra[net.nodes[o]["kind"]]
        if o == HUB:
            continue
        for _ in range(rng.randint(lo_n, hi_n)):
            cands = [p for p in orgs if p != o and p != HUB and net.compatible(o, p)
                     and not net.linked(o, p)]
            if not cands:
                break
            p = weighted_choice(rng, cands, [affinity(net, o, c) for c in cands])
            since = pick_since(net, rng, o, p)
            if since is None:
                continue
            w = rng.randint(1, 5)
            tr, va = quality(rng, w)
            net.add_tie(o, p, "partnership", since, weight=w, trust=tr, value=va,
                        until=maybe_until(net, rng, o, p, since, 0.12 if o not in DORMANT else 0.6))


def build_expert_ties(net):
    rng = net.rng
    for eid in net.expert_ids():
        e = net.nodes[eid]
        for j, oid in enumerate(e["affiliations"]):
            if j == 0:
                since, until = e["join"], None
            else:
                since = pick_since(net, rng, eid, oid)
                until = maybe_until(net, rng, eid, oid, since, 0.3)
            net.add_tie(eid, oid, "affiliation", since, weight=2 if j == 0 else 1, until=until, anchor=(j == 0))
        if e["plan"] == "unaffiliated":
            net.add_tie(HUB, eid, "engagement", e["join"], weight=2, anchor=True)
            other = "un-desa-dpidg" if eid == "exp-006" else "apcict"
            since = pick_since(net, rng, eid, other)
            net.add_tie(other, eid, "engagement", since, weight=1)
        elif e["plan"] == "main" and rng.random() < 0.35:
            org = weighted_choice(rng, ["unpog", "apcict", "unitar", "undrr-geti", "un-escap", "undp-brh"],
                                  [6, 2, 1.5, 1, 1, 1])
            since = pick_since(net, rng, eid, org)
            if since:
                net.add_tie(org, eid, "engagement", since, weight=rng.randint(1, 3),
                            until=maybe_until(net, rng, eid, org, since, 0.25))


# ------------------------------------------------------------------ activities
EA_OF_SECTOR = {
    "public administration": "EA1", "local governance": "EA1", "anti-corruption": "EA1", "public finance": "EA1",
    "statistics": "EA1", "digital government": "EA2", "health": "EA2", "education": "EA2", "employment": "EA2",
    "environment": "EA2", "climate resilience": "EA2", "disaster risk reduction": "EA2",
    "open government": "EA3", "gender equality": "EA3",
}
KIND_LABEL = {"workshop": "Capacity Development Workshop", "training": "Training Course",
              "forum": "Forum", "study visit": "Study Visit", "webinar": "Webinar"}


def activity_templates():
    """(kind, host country, focus country, zone, organisers-hint, fixed quarter or None)."""
    t = []
    for c, n in (("NPL", 5), ("LAO", 4), ("TLS", 4), ("ETH", 4)):
        kinds = ["workshop", "training", "workshop", "forum", "training"][:n]
        for k in kinds:
            t.append((k, c, c, "main", None))
        t.append(("study visit", "KOR", c, "main", None))
    # Bhutan: three in-country activities behind the gatekeeper, one regional forum it hosts
    t += [("workshop", "BTN", "BTN", "btn", 3), ("training", "BTN", "BTN", "btn", 6),
          ("workshop", "BTN", "BTN", "btn", 10), ("forum", "BTN", None, "main", 8)]
    # Vanuatu: in-country activities organised by PIFS with the Vanuatu bodies
    t += [("workshop", "VUT", "VUT", "vut", 2), ("training", "VUT", "VUT", "vut", 5),
          ("workshop", "VUT", "VUT", "vut", 9), ("forum", "VUT", "VUT", "vut", 11)]
    for k in ("forum", "forum", "training", "training", "workshop", "forum", "training", "workshop", "forum"):
        t.append((k, "KOR", None, "main", None))
    for k in ("forum", "workshop", "training", "forum"):
        t.append((k, "THA", None, "main", None))
    for c in ("PHL", "KEN", "FJI", "IDN", "MNG", "SGP"):
        t.append(("forum" if c in ("PHL", "KEN", "FJI") else "workshop", c, None, "main", None))
    for _ in range(8):
        t.append(("webinar", "", None, "main", None))
    return [{"kind": k, "country": c, "focus": f, "zone": z, "quarter": q} for (k, c, f, z, q) in t]


def assign_quarters(rng, templates):
    cap = [4] * 15
    for tpl in templates:
        if tpl["quarter"] is not None:
            cap[tpl["quarter"]] -= 1
    free = [tpl for tpl in templates if tpl["quarter"] is None]
    rng.shuffle(free)
    slots = [q for q in range(15) for _ in range(max(cap[q], 0))]
    rng.shuffle(slots)
    # the MNG workshop is hosted by a partner that later goes dormant: keep it early
    for tpl in free:
        if tpl["country"] == "MNG":
            q = next(s for s in slots if s <= 5)
            slots.remove(q)
            tpl["quarter"] = q
    for tpl in free:
        if tpl["quarter"] is None:
            tpl["quarter"] = slots.pop()


def pick_sectors(rng, focus_nodes_sectors):
    if focus_nodes_sectors and rng.random() < 0.7:
        first = rng.choice(focus_nodes_sectors)
    else:
        first = rng.choice(SECTORS[:13])  # statistics activities are rare: chosen below
    out = [first]
    if rng.random() < 0.5:
        s = rng.choice(SECTORS)
        if s not in out:
            out.append(s)
    return out


def eligible(net, nid, date, act):
    n = net.nodes[nid]
    if n["isolated"] or n["join"] is None or n["join"] > date:
        return False
    if n["dormant"] and date >= RECENT:
        return False
    z = act["zone"]
    if z == "main" and n["zone"] != "main":
        return False
    if z == "vut" and n["zone"] != "vut" and nid != PACIFIC_BROKER:
        return False
    if z == "btn" and n["zone"] != "btn" and nid != BHUTAN_BROKER:
        return False
    if (n["kind"] == "government" and n["country"] == NO_EA3_GOV_COUNTRY
            and "EA3" in act["accomplishments"]):
        return False
    return True


def build_activities(net):
    rng = net.rng
    templates = activity_templates()
    assign_quarters(rng, templates)
    for tpl in templates:
        q = tpl["quarter"]
        lo = max(quarter_start(q), dt.date(2023, 2, 6))
        hi = min(quarter_end(q), END - dt.timedelta(days=12))
        tpl["date"] = rand_date(rng, lo, hi)
    templates.sort(key=lambda t: (t["date"], t["kind"], t["country"]))
    names_used = []
    for i, tpl in enumerate(templates):
        aid = f"act-{i + 1:03d}"
        kind, country, focus, date = tpl["kind"], tpl["country"], tpl["focus"], tpl["date"]
        focus_orgs = [o for o in net.org_ids() if focus and net.nodes[o]["country"] == focus]
        sectors = pick_sectors(rng, [s for o in focus_orgs for s in net.nodes[o]["sectors"]
                                     if s != "statistics"])
        if rng.random() < 0.06 and "statistics" not in sectors:
            sectors.append("statistics")
        eas = [EA_OF_SECTOR[sectors[0]]]
        if rng.random() < 0.45:
            eas.append(rng.choice(["EA1", "EA2", "EA3"]))
        eas = sorted(dict.fromkeys(eas))
        if tpl["zone"] == "vut" and q_is_late(date):
            eas = sorted(set(eas) | {"EA3"})
        sdgs = sdgs_for(sectors, rng, extra=(16, 17))
        act = {"id": aid, "kind": kind, "date": date, "country": country, "focus": focus, "zone": tpl["zone"],
               "accomplishments": eas, "sdgs": sdgs, "sectors": sectors, "participants": []}
        # duration
        dur = {"workshop": (1, 3), "training": (3, 5), "forum": (1, 2), "study visit": (4, 6)}.get(kind)
        act["end_date"] = date + dt.timedelta(days=rng.randint(*dur) - 1) if dur else None
        if act["end_date"] == date:
            act["end_date"] = None
        act["name"] = activity_name(rng, act, names_used)
        choose_participants(net, act)
        net.activities.append(act)


def q_is_late(date):
    return date >= d("2025-01-01")


def activity_name(rng, act, used):
    topic = TOPIC[act["sectors"][0]]
    y = act["date"].year
    kind, c, f = act["kind"], act["country"], act["focus"]
    if kind == "webinar":
        name = f'UNPOG Webinar Series: "{topic}" ({act["date"].strftime("%B %Y")})'
    elif kind == "study visit":
        name = f"Study Visit to the Republic of Korea on {topic} for Officials of {COUNTRY_NAME[f]}"
    elif kind == "forum" and f is None:
        where = {"KOR": "Asia-Pacific", "THA": "Asia-Pacific", "PHL": "EROPA-UNPOG", "KEN": "Eastern Africa",
                 "FJI": "Pacific", "BTN": "South Asia"}.get(c, "Regional")
        name = f"{where} Forum on {topic} {y}"
    elif f is not None:
        name = f"{KIND_LABEL[kind]} on {topic}, {COUNTRY_NAME[f]}"
    else:
        name = f"{KIND_LABEL[kind]} on {topic}, {COUNTRY_NAME[c]}"
    if name in used:
        name = f"{name} ({act['date'].strftime('%B %Y')})"
    if name in used:
        name = f"{name} II"
    used.append(name)
    return name


def relevance(net, nid, act):
    n = net.nodes[nid]
    w = 0.3
    host, focus = act["country"], act["focus"]
    if n["kind"] == "expert":
        w = 1.0 + 3.0 * len(set(n["sectors"]) & set(act["sectors"]))
        if focus and focus in n["experience"].split(";"):
            w += 2.0
        return w
    if focus and n["country"] == focus:
        w = 8.0
    elif host and n["country"] == host:
        w = 3.0
    elif host and n["region"] == REGION_OF_COUNTRY.get(host):
        w = 1.5
    if nid in NETWORKS:
        w += 1.0
    if nid in UN_HUBS:
        w += 1.0
    w *= 1.0 + 0.5 * len(set(n["sectors"]) & set(act["sectors"]))
    return w


def choose_participants(net, act):
    rng = net.rng
    date = act["date"]
    parts = []  # (node, role)
    ok = lambda n: eligible(net, n, date, act)
    focus, host, zone = act["focus"], act["country"], act["zone"]
    # organisers
    if zone == "vut":
        orgs = [PACIFIC_BROKER]
        vut_govs = [o for o in ("vut-mia", "vut-psc", "vut-ogcio", "vut-ndmo") if ok(o)]
        if vut_govs:
            orgs.append(rng.choice(vut_govs))
    elif zone == "btn":
        orgs = [BHUTAN_BROKER]
        if ok("btn-rcsc") and rng.random() < 0.6:
            orgs.append("btn-rcsc")
    else:
        hosts = {"THA": "un-escap", "PHL": "eropa", "KEN": "aapam", "FJI": "fji-usp", "IDN": "asean-sec",
                 "MNG": "mng-nag", "SGP": "sgp-csc", "BTN": BHUTAN_BROKER}
        orgs = []
        if act["kind"] == "webinar" and rng.random() < 0.3:
            lead = act["sectors"][0]
            orgs = ["apcict" if lead == "digital government" else
                    "undrr-geti" if lead in ("disaster risk reduction", "climate resilience") else "un-desa-dpidg"]
        else:
            orgs = [HUB]
        co = None
        if host in hosts and ok(hosts[host]):
            co = hosts[host]
        elif focus:
            cands = [o for o in net.org_ids() if net.nodes[o]["country"] == focus and ok(o)
                     and net.nodes[o]["kind"] in ("government", "school")]
            if cands and rng.random() < 0.7:
                co = rng.choice(sorted(cands))
        elif host == "KOR" and rng.random() < 0.5:
            co = rng.choice([o for o in ("kor-mois", "kor-kdis", "kor-nhi", "kor-logodi", "apcict",
                                         "undrr-geti", "cifal-jeju", "kor-nia") if ok(o)])
        if co and co not in orgs:
            orgs.append(co)
    for o in orgs:
        parts.append((o, "organiser"))
    n_total = rng.randint(4, 9) if zone == "main" else rng.randint(3, 6)
    taken = [p for p, _ in parts]
    if zone == "main" and HUB not in taken and ok(HUB):
        parts.append((HUB, "speaker"))
        taken.append(HUB)
    pool = [n for n in net.nodes if n not in taken and ok(n)]
    n_experts = min(len([p for p in pool if net.nodes[p]["kind"] == "expert"]),
                    max(1, round((n_total - len(parts)) * rng.uniform(0.3, 0.55))))
    experts = [p for p in pool if net.nodes[p]["kind"] == "expert"]
    orgs_pool = [p for p in pool if net.nodes[p]["kind"] != "expert"]
    for _ in range(n_experts):
        if not experts or len(parts) >= n_total:
            break
        e = weighted_choice(rng, experts, [relevance(net, x, act) for x in experts])
        experts.remove(e)
        parts.append((e, "resource person" if rng.random() < 0.7 else "speaker"))
    while len(parts) < n_total and orgs_pool:
        o = weighted_choice(rng, orgs_pool, [relevance(net, x, act) for x in orgs_pool])
        orgs_pool.remove(o)
        parts.append((o, "participant" if rng.random() < 0.78 else "speaker"))
    act["participants"] = parts


def ensure_recent(net):
    """Every node that is neither planted dormant nor isolated has an event on or after RECENT."""
    rng = net.rng
    fixes = []

    def has_recent(nid):
        for t in net.ties:
            if nid in (t["source"], t["target"]) and t["since"] >= RECENT:
                return True
        for a in net.activities:
            if a["date"] >= RECENT and any(p == nid for p, _ in a["participants"]):
                return True
        return False

    for nid, n in net.nodes.items():
        if n["dormant"] or n["isolated"] or has_recent(nid):
            continue
        acts = [a for a in net.activities if a["date"] >= RECENT and len(a["participants"]) < 9
                and eligible(net, nid, a["date"], a)]
        if acts:
            a = max(acts, key=lambda a: (relevance(net, nid, a) + rng.random(), a["id"]))
            role = ("resource person" if n["kind"] == "expert" else "participant")
            a["participants"].append((nid, role))
            fixes.append((nid, "participation", a["id"]))
            continue
        # no room: a renewed or new tie in the last five quarters
        if n["kind"] == "expert":
            partner = {"vut": PACIFIC_BROKER, "btn": BHUTAN_BROKER}.get(n["zone"], HUB)
            kind = "engagement"
        else:
            cands = [p for p in net.org_ids() if p != nid and net.compatible(nid, p)
                     and not net.nodes[p]["dormant"] and not net.nodes[p]["isolated"]
                     and net.joined(p) < END - dt.timedelta(days=30) and not net.linked(nid, p)]
            partner = weighted_choice(rng, cands, [affinity(net, nid, c) for c in cands])
            kind = "partnership"
        lo = max(RECENT, net.joined(nid), net.joined(partner))
        since = rand_date(rng, lo, END - dt.timedelta(days=5))
        w = rng.randint(1, 3)
        tr, va = quality(rng, w) if kind == "partnership" else (None, None)
        if net.add_tie(partner, nid, kind, since, weight=w, trust=tr, value=va) is None:
            net.add_tie(partner, nid, "partnership", since, weight=w)
        fixes.append((nid, kind, partner))
    return fixes


def co_organisation_ties(net):
    pairs = {}
    for a in net.activities:
        orgs = sorted(p for p, r in a["participants"] if r == "organiser")
        for i in range(len(orgs)):
            for j in range(i + 1, len(orgs)):
                pairs.setdefault((orgs[i], orgs[j]), []).append(a)
    for (x, y), acts in sorted(pairs.items()):
        first = min(acts, key=lambda a: a["date"])
        net.add_tie(x, y, "co-organisation", first["date"], weight=min(5, len(acts)),
                    source_ref=f"activity report {first['id']}")


# --------------------------------------------------------------------- checks
def components_without(net, removed, include_activities=True):
    """Nodes not reachable from the hub once `removed` is taken out (ties plus co-participation)."""
    adj = {n: [] for n in net.nodes}
    for t in net.ties:
        adj[t["source"]].append(t["target"])
        adj[t["target"]].append(t["source"])
    if include_activities:
        for a in net.activities:
            ps = [p for p, _ in a["participants"]]
            for p in ps:
                adj[p].extend(x for x in ps if x != p)
    seen = {HUB}
    dq = deque([HUB])
    while dq:
        u = dq.popleft()
        for v in adj[u]:
            if v not in seen and v not in removed:
                seen.add(v)
                dq.append(v)
    return [n for n in net.nodes if n not in seen and n not in removed]


def last_event(net, nid):
    dates = []
    for t in net.ties:
        if nid in (t["source"], t["target"]):
            dates.append(t["since"])
            if t["until"]:
                dates.append(t["until"])
    for a in net.activities:
        if any(p == nid for p, _ in a["participants"]):
            dates.append(a["end_date"] or a["date"])
    return max(dates) if dates else None


def self_check(net):
    base_cut = components_without(net, set())
    assert base_cut == [ISOLATED], base_cut
    pac = [n for n in components_without(net, {PACIFIC_BROKER}) if n != ISOLATED]
    assert len(pac) >= 5 and all(net.nodes[n]["zone"] == "vut" for n in pac), pac
    btn = [n for n in components_without(net, {BHUTAN_BROKER}) if n != ISOLATED]
    assert sorted(btn) == sorted(n for n in net.nodes if net.nodes[n]["zone"] == "btn"), btn
    for nid, n in net.nodes.items():
        if n["kind"] == "expert":
            assert EXPERTLESS_SECTOR not in n["sectors"]
        le = last_event(net, nid)
        if n["dormant"]:
            assert le < RECENT, (nid, le)
        if n["kind"] == "government" and n["country"] == NO_EA3_GOV_COUNTRY:
            assert "EA3" not in n["accomplishments"]
        if n["kind"] == "school":
            assert n["country"] != NO_SCHOOL_COUNTRY
    recent_nodes = {t[e] for t in net.ties if t["since"] >= RECENT for e in ("source", "target")}
    for a in net.activities:
        assert 3 <= len(a["participants"]) <= 9, (a["id"], len(a["participants"]))
        assert (a["end_date"] or a["date"]) <= END
        for p, _ in a["participants"]:
            n = net.nodes[p]
            assert n["join"] <= a["date"], (a["id"], p)
            assert not (n["kind"] == "government" and n["country"] == NO_EA3_GOV_COUNTRY
                        and "EA3" in a["accomplishments"]), (a["id"], p)
            if a["date"] >= RECENT:
                recent_nodes.add(p)
    for nid, n in net.nodes.items():
        if not n["dormant"] and not n["isolated"]:
            assert nid in recent_nodes, nid
        if n["dormant"]:
            assert any(nid in (t["source"], t["target"]) and t["until"] is None for t in net.ties), nid
    for s in SECTORS:
        if s != EXPERTLESS_SECTOR:
            assert any(s in net.nodes[x]["sectors"] for x in net.expert_ids()), s
    quarters = {(n["join"].year, (n["join"].month - 1) // 3) for n in net.nodes.values() if n["join"]}
    assert len(quarters) == 15, sorted(quarters)
    return pac, btn


# --------------------------------------------------------------------- output
def fmt_num(x):
    return "" if x is None else str(x)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def write_all(net, out, pac_cut, btn_cut, fixes):
    os.makedirs(out, exist_ok=True)
    manifest = {
        "format_version": 1,
        "name": NAME,
        "title": "UNPOG partner and expert network, Asia-Pacific and Eastern Africa (illustrative)",
        "description": (
            "ILLUSTRATIVE, synthetic partner and expert network of a UNPOG-style governance office: "
            "UN system bodies, regional organisations, networks and schools of public administration, "
            "civil-society organisations, government counterparts in six target countries and fictional "
            "experts, with dated ties and capacity-development activities from 2023 to 2026-09. "
            "Not an official record: ties, dates, scores and activities are invented, and every expert "
            "is a fictional person. Contains planted gaps for testing (see README.md)."),
        "target_countries": TARGETS,
        "hub": HUB,
        "directed_tie_kinds": ["funding"],
        "illustrative": True,
        "as_of": END.isoformat(),
        "source_ref": f"synthetic; generated by Scripts/make-bundled-network.py (seed {SEED})",
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")

    node_rows = []
    for nid, n in net.nodes.items():
        if n["kind"] == "expert":
            ref = f"expert roster {n['join'].year}"
        elif n["isolated"]:
            ref = "contact list 2024"
        else:
            ref = f"partner register {n['join'].year}"
        node_rows.append([nid, n["name"], n["kind"], n["scope"], n["country"], ";".join(map(str, n["sdgs"])),
                          ";".join(n["accomplishments"]), ";".join(n["sectors"]), n["consent"], ref,
                          n["acronym"], n["languages"], n["experience"], NAME_LOCAL.get(nid, "")])
    write_csv(os.path.join(out, "nodes.csv"),
              ["id", "name", "kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent",
               "source_ref", "acronym", "languages", "experience", "name_local"], node_rows)

    ties = sorted(net.ties, key=lambda t: (t["since"], t["kind"], t["source"], t["target"]))
    write_csv(os.path.join(out, "ties.csv"),
              ["source", "target", "kind", "weight", "trust", "value", "since", "until", "directed", "source_ref"],
              [[t["source"], t["target"], t["kind"], fmt_num(t["weight"]), fmt_num(t["trust"]),
                fmt_num(t["value"]), t["since"].isoformat(), t["until"].isoformat() if t["until"] else "", "",
                t["source_ref"]] for t in ties])

    write_csv(os.path.join(out, "activities.csv"),
              ["id", "name", "kind", "date", "end_date", "country", "accomplishments", "sdgs", "sectors",
               "source_ref"],
              [[a["id"], a["name"], a["kind"], a["date"].isoformat(),
                a["end_date"].isoformat() if a["end_date"] else "", a["country"], ";".join(a["accomplishments"]),
                ";".join(map(str, a["sdgs"])), ";".join(a["sectors"]),
                f"{'workshop' if a['kind'] in ('workshop', 'training') else 'activity'} report "
                f"{a['date'].strftime('%Y-%m')}"] for a in net.activities])

    role_order = {"organiser": 0, "speaker": 1, "resource person": 2, "participant": 3}
    prow = []
    for a in net.activities:
        for p, r in sorted(a["participants"], key=lambda pr: (role_order[pr[1]], pr[0])):
            prow.append([a["id"], p, r, f"attendance list {a['id']}"])
    write_csv(os.path.join(out, "participation.csv"), ["activity", "node", "role", "source_ref"], prow)

    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(net, pac_cut, btn_cut, ties, prow))


def readme(net, pac_cut, btn_cut, ties, prow):
    kinds = {}
    for n in net.nodes.values():
        kinds[n["kind"]] = kinds.get(n["kind"], 0) + 1
    tkinds = {}
    for t in ties:
        tkinds[t["kind"]] = tkinds.get(t["kind"], 0) + 1
    akinds = {}
    for a in net.activities:
        akinds[a["kind"]] = akinds.get(a["kind"], 0) + 1
    ended = sum(1 for t in ties if t["until"])
    consent_yes = sum(1 for n in net.nodes.values() if n["consent"] == "yes")
    stat_orgs = [nid for nid, n in net.nodes.items() if EXPERTLESS_SECTOR in n["sectors"]]
    unaff = [nid for nid, n in net.nodes.items() if n["kind"] == "expert" and not n["affiliations"]]
    lao_gov = [nid for nid, n in net.nodes.items()
               if n["kind"] == "government" and n["country"] == NO_EA3_GOV_COUNTRY]
    joins = {}
    for n in net.nodes.values():
        if n["join"]:
            q = f"{n['join'].year}Q{(n['join'].month - 1) // 3 + 1}"
            joins[q] = joins.get(q, 0) + 1
    L = []
    w = L.append
    w("# UNPOG partner and expert network, Asia-Pacific and Eastern Africa (illustrative)\n")
    w("> **ILLUSTRATIVE DATA. NOT AN OFFICIAL RECORD.** This network is synthetic. It was generated by "
      "`Scripts/make-bundled-network.py` (Python standard library, fixed seed "
      f"{SEED}) to demonstrate and test Synergraph. Public bodies appear under their public names so that the "
      "data reads realistically, but every tie, date, score, activity and participation is invented and says "
      "nothing about the real relationships of these bodies with UNPOG or with each other. **All experts are "
      "fictional people with invented names**; any resemblance to a real person is accidental.\n")
    w("Regenerate with `python3 Scripts/make-bundled-network.py` from the repository root; two runs give "
      "byte-identical files. Do not edit the files by hand: change the script and regenerate.\n")
    w("## Contents\n")
    w(f"- `manifest.json`: hub `{HUB}`, target countries {', '.join(TARGETS)}, directed tie kinds `funding`, "
      f"as of {END.isoformat()}.")
    w(f"- `nodes.csv`: {len(net.nodes)} nodes: " + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items()))
      + f". Experts carry the extra columns `languages` and `experience` (countries worked in); "
        f"{consent_yes} of {kinds['expert']} experts consent to be named. Organisations carry `acronym`.")
    w(f"- `ties.csv`: {len(ties)} ties: " + ", ".join(f"{v} {k}" for k, v in sorted(tkinds.items()))
      + f". {ended} ties have ended (`until` set). About half the partnership ties carry PARTNER-style "
        "`trust` and `value` scores (1-4).")
    w(f"- `activities.csv`: {len(net.activities)} activities from {net.activities[0]['date']} to "
      f"{net.activities[-1]['date']}: " + ", ".join(f"{v} {k}" for k, v in sorted(akinds.items()))
      + ". Webinars have no host country.")
    w(f"- `participation.csv`: {len(prow)} participations (3-9 per activity).\n")
    w("Target countries (special situations per UN-OHRLLS lists, for illustration): Nepal (NPL, LDC, LLDC), "
      "Lao PDR (LAO, LDC, LLDC), Bhutan (BTN, LLDC), Timor-Leste (TLS, LDC, SIDS), Vanuatu (VUT, SIDS), "
      "Ethiopia (ETH, LDC, LLDC).\n")
    w("## Time\n")
    w("Each node joins the network on the `since` day of its first tie; no node takes part in an activity "
      "before it joins, and every quarter from 2023Q1 to 2026Q3 brings new nodes:\n")
    w("| quarter | new nodes |\n|---|---|")
    for q in sorted(joins):
        w(f"| {q} | {joins[q]} |")
    w("")
    w(f"Every node except the planted dormant partners and the isolated organisation has a tie starting, or "
      f"an activity, on or after {RECENT.isoformat()}.")
    w("Ties that end (`until`) never disconnect a node: each node's first tie stays open.\n")
    w("## Planted gaps\n")
    w("Analyses and tests can rely on these (the generator asserts them):\n")
    w(f"1. **Target country with no school partner: Timor-Leste (`{NO_SCHOOL_COUNTRY}`).** No node of kind "
      "`school` has country TLS. Every other target country has a school tied to the network: "
      + ", ".join(f"`{n}`" for n, v in net.nodes.items()
                  if v["kind"] == "school" and v["country"] in TARGETS) + ".")
    w(f"2. **Sector with no expert: `{EXPERTLESS_SECTOR}`.** These organisations list it, but no expert "
      f"does: " + ", ".join(f"`{n}`" for n in stat_orgs) + ". Every other sector of the vocabulary has at "
      "least one expert.")
    w(f"3. **Broker whose loss splits the network: `{PACIFIC_BROKER}` (Pacific Islands Forum Secretariat).** "
      "It is the only link to the Vanuatu cluster, in the tie graph and in the co-participation graph alike. "
      f"Removing it disconnects these {len(pac_cut)} nodes: " + ", ".join(f"`{n}`" for n in pac_cut) + ". "
      "(It is an articulation point; the Vanuatu activities, organised by PIFS with a Vanuatu body, "
      "involve only these nodes and PIFS.)")
    w(f"4. **Target country reached only through a single broker: Bhutan (`BTN`), through `{BHUTAN_BROKER}` "
      "(Royal Institute of Management).** Every tie and every co-participation between a Bhutanese node and "
      f"the rest of the network involves `{BHUTAN_BROKER}` (a gatekeeper in Gould-Fernandez terms). Removing "
      f"it disconnects {len(btn_cut)} nodes: " + ", ".join(f"`{n}`" for n in btn_cut) + ". Vanuatu, behind "
      f"`{PACIFIC_BROKER}`, is the other single-broker target country; Nepal, Lao PDR, Timor-Leste and "
      "Ethiopia each have several independent routes.")
    w(f"5. **Dormant partners:** no tie starts or ends, and no activity, on or after {RECENT.isoformat()}; "
      "each keeps at least one tie without `until`, so it still looks like a partner: "
      + ", ".join(f"`{n}` (last {last_event(net, n)})" for n in DORMANT) + ".")
    w("6. **Unaffiliated experts and an isolated organisation.** Experts with no `affiliation` tie "
      "(they are tied to the network only by `engagement` ties and activities): "
      + ", ".join(f"`{n}`" for n in unaff) + f". Isolated organisation (no ties, no activities): "
      f"`{ISOLATED}`.")
    w(f"7. **Target country with no government counterpart for EA3: Lao PDR (`{NO_EA3_GOV_COUNTRY}`).** "
      "Its government bodies (" + ", ".join(f"`{n}`" for n in lao_gov) + ") are tied to the network, but "
      "none is tagged `EA3` and none takes part in an EA3-tagged activity. Every other target country has an "
      "EA3-tagged government body with ties.\n")
    w("Apart from the isolated organisation, the whole network is one connected component (ties alone, and "
      "ties with co-participation). Note that every organisation with an expert affiliated to it alone is, "
      "trivially, also an articulation point; the planted broker is the one that cuts off a cluster.\n")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(here), "Networks", NAME),
                    help="output folder (default: Networks/unpog-asia-pacific in the repository)")
    args = ap.parse_args()
    rng = Random(SEED)
    net = Network(rng)
    build_orgs(net)
    vocab = build_experts(net)
    affiliate_experts(net, vocab)
    build_org_ties(net)
    build_expert_ties(net)
    build_activities(net)
    fixes = ensure_recent(net)
    co_organisation_ties(net)
    pac, btn = self_check(net)
    write_all(net, args.out, pac, btn, fixes)
    print(f"wrote {args.out}: {len(net.nodes)} nodes, {len(net.ties)} ties, {len(net.activities)} activities, "
          f"{sum(len(a['participants']) for a in net.activities)} participations ({len(fixes)} recency fixes)")


if __name__ == "__main__":
    main()
