"""Country data CLDR lacks or gets in the way of: exclusions, Vietnamese aliases, short forms."""

# CLDR territory codes that are not countries: pseudo and grouping codes, and uninhabited or
# research territories that a news text would call a region, not a state.
NOT_COUNTRIES = frozenset(
    "AC CP CQ DG EA EU EZ IC QO TA UN XA XB ZZ AQ BV HM UM TF GS IO".split()
)

# Names Vietnamese news uses that CLDR's vi/en tables do not give (or give only inside a
# longer official form).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("Mỹ", "Hợp chúng quốc Hoa Kỳ", "Hợp chúng quốc Mỹ", "USA"),
    "RU": ("Liên bang Nga", "LB Nga"),
    "CN": ("Cộng hòa Nhân dân Trung Hoa", "Trung Hoa"),
    "GB": ("Anh", "Vương quốc Liên hiệp Anh", "UK", "Britain", "Great Britain"),
    "KP": ("Bắc Triều Tiên", "CHDCND Triều Tiên", "Cộng hòa Dân chủ Nhân dân Triều Tiên"),
    "KR": ("Nam Hàn", "Đại Hàn", "Đại Hàn Dân Quốc"),
    "IN": ("Ấn Độ",),
    "AU": ("Australia", "Ốt-xtrây-li-a"),
    "JP": ("Nhật Bản",),
    "IT": ("Ý", "Italia"),
    "UA": ("Ukraine", "U-crai-na"),
    "CZ": ("Cộng hòa Séc", "CH Séc"),
    "BY": ("Bê-la-rút",),
    "MM": ("Myanmar", "Miến Điện", "Mi-an-ma"),
    "HK": ("Hồng Kông",),
    "MO": ("Ma Cao",),
    "CI": ("Bờ Biển Ngà",),
    "CD": ("Cộng hòa Dân chủ Congo", "CHDC Congo"),
    "CG": ("Cộng hòa Congo",),
    "SA": ("Arab Saudi", "A-rập Xê-út", "Saudi Arabia", "Ả Rập Xê Út", "Ả Rập Saudi", "Ả-rập Xê-út", "Saudi"),
    "AE": (
        "UAE", "Các Tiểu vương quốc Ả Rập Thống nhất", "Tiểu vương quốc Ả Rập Thống nhất",
        "Các Tiểu vương quốc Arab Thống nhất", "Tiểu vương quốc Arab Thống nhất", "Các Tiểu Vương quốc Ả-rập Thống nhất",
    ),
    "LB": ("Liban", "Lebanon"),
    "CY": ("Cyprus",),
    "TR": ("Turkey", "Thổ Nhĩ Kì"),
    "PS": ("Palestine",),
    "MK": ("Macedonia",),
    "KH": ("Cam-pu-chia",),
    "SG": ("Xin-ga-po",),
    "PH": ("Phi-líp-pin",),
    "IL": ("I-xra-en", "Ixraen"),
    "IQ": ("I-rắc",),
    "IR": ("I-ran",),
    "SY": ("Xy-ri",),
    "AF": ("Áp-ga-ni-xtan",),
    "PK": ("Pa-ki-xtan",),
    "BR": ("Braxin",),
    "CU": ("Cu-ba",),
    "CA": ("Ca-na-đa",),
    "MX": ("Mê-hi-cô",),
    "VN": ("Cộng hòa Xã hội Chủ nghĩa Việt Nam",),
    "VA": ("Vatican", "Tòa Thánh Vatican"),
}

# Short forms that stand for a country only as one side of a hyphenated pair ("Mỹ-Trung",
# "Việt-Nhật"); alone they are ordinary syllables or given names.
PAIR_ONLY_FORMS: dict[str, str] = {
    "Trung": "CN",
    "Việt": "VN",
    "Nhật": "JP",
    "Hàn": "KR",
    "Triều": "KP",
    "Ấn": "IN",
}

# A country's formal name is its name after one of these ("Vương quốc Thái Lan", "Cộng hòa
# Liên bang Đức"): the matcher knows every country under each, so a title before a formal name
# never reads the name as a person's.
FORMAL_PREFIXES = (
    "Vương quốc", "Cộng hòa", "Liên bang", "Nhà nước", "Cộng hòa Liên bang", "Cộng hòa Nhân dân",
    "Cộng hòa Dân chủ Nhân dân", "Cộng hòa Xã hội chủ nghĩa", "Cộng hòa Hồi giáo", "Cộng hòa Ả Rập",
    "Đại công quốc", "Công quốc",
)
