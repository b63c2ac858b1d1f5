"""Names that are never people: countries, football leagues and clubs, international bodies.

Many of them look like a Vietnamese full name, a surname and capitalised syllables:
"Thái Lan", "Hà Lan", "La Liga", "Hoàng Anh Gia Lai". In sports and world news they
stand where people stand ("Chủ tịch La Liga Javier Tebas", "Đại sứ Thái Lan"), so
:func:`~corpus_tools.extract.people.find_people` checks every candidate against
:data:`NOT_PEOPLE` (and :data:`~corpus_tools.extract.organizations.PLACES`). Every table
can be extended: ``find_people(docs, not_people=NOT_PEOPLE + ("Sông Lam Nghệ An",))``.
"""

from __future__ import annotations

__all__ = ["CLUBS", "COUNTRIES", "INTERNATIONAL_ORGANIZATIONS", "LEAGUES", "NOT_PEOPLE"]

COUNTRIES: tuple[str, ...] = (
    # Asia
    "Trung Quốc", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Bắc Triều Tiên", "Nam Triều Tiên",
    "Mông Cổ", "Đài Loan", "Hồng Kông", "Hong Kong", "Ma Cao", "Lào", "Campuchia",
    "Cam-pu-chia", "Thái Lan", "Myanmar", "Miến Điện", "Malaysia", "Mã Lai", "Singapore",
    "Xin-ga-po", "Indonesia", "In-đô-nê-xi-a", "Philippines", "Phi-líp-pin", "Brunei",
    "Đông Timor", "Timor-Leste", "Ấn Độ", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal",
    "Bhutan", "Maldives", "Afghanistan", "Iran", "Iraq", "Syria", "Li Băng", "Liban",
    "Jordan", "Israel", "Palestine", "Ả Rập Xê Út", "Ả-rập Xê-út", "Saudi Arabia",
    "Yemen", "Oman", "Qatar", "Kuwait", "Bahrain", "Các Tiểu vương quốc Ả Rập Thống nhất",
    "UAE", "Thổ Nhĩ Kỳ", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan",
    "Turkmenistan", "Azerbaijan", "Armenia", "Gruzia", "Georgia", "Síp",
    # Europe
    "Nga", "Ukraine", "U-crai-na", "Belarus", "Ba Lan", "Séc", "Cộng hòa Séc", "Slovakia",
    "Hungary", "Hung-ga-ri", "Romania", "Rumani", "Bulgaria", "Bun-ga-ri", "Serbia",
    "Croatia", "Slovenia", "Bosnia", "Montenegro", "Bắc Macedonia", "Albania", "Hy Lạp",
    "Italy", "Italia", "I-ta-li-a", "Ý", "Tây Ban Nha", "Bồ Đào Nha", "Pháp", "Đức",
    "Anh", "Vương quốc Anh", "Scotland", "Xứ Wales", "Wales", "Bắc Ireland", "Ireland",
    "Ai-len", "Hà Lan", "Bỉ", "Luxembourg", "Thụy Sĩ", "Thụy Sỹ", "Áo", "Đan Mạch",
    "Na Uy", "Thụy Điển", "Phần Lan", "Iceland", "Ai-xơ-len", "Estonia", "Latvia",
    "Litva", "Lithuania", "Moldova", "Malta", "Monaco", "Andorra", "San Marino",
    "Vatican", "Liechtenstein",
    # The Americas
    "Mỹ", "Hoa Kỳ", "Canada", "Ca-na-đa", "Mexico", "Mê-hi-cô", "Cuba", "Cu Ba",
    "Brazil", "Bra-xin", "Argentina", "Ác-hen-ti-na", "Chile", "Chi-lê", "Peru", "Pê-ru",
    "Colombia", "Cô-lôm-bi-a", "Venezuela", "Vê-nê-xu-ê-la", "Ecuador", "Bolivia",
    "Paraguay", "Uruguay", "Panama", "Costa Rica", "Nicaragua", "Honduras", "Guatemala",
    "El Salvador", "Jamaica", "Haiti", "Cộng hòa Dominica",
    # Africa
    "Ai Cập", "Libya", "Tunisia", "Algeria", "An-giê-ri", "Maroc", "Morocco", "Sudan",
    "Nam Sudan", "Ethiopia", "Kenya", "Tanzania", "Uganda", "Rwanda", "Nigeria",
    "Ghana", "Senegal", "Bờ Biển Ngà", "Côte d'Ivoire", "Cameroon", "Mali", "Niger",
    "Angola", "Mozambique", "Mô-dăm-bích", "Zimbabwe", "Zambia", "Nam Phi", "Namibia",
    "Botswana", "Madagascar", "Somalia", "Cộng hòa Congo", "CHDC Congo", "Congo",
    # Oceania
    "Úc", "Australia", "Ô-xtrây-li-a", "New Zealand", "Niu Di-lân", "Papua New Guinea",
    "Fiji",
)  # fmt: skip
"""Countries and territories, as Vietnamese news writes them (Vietnamese names,
transliterations and the international spelling)."""

LEAGUES: tuple[str, ...] = (
    "La Liga", "Premier League", "Ngoại hạng Anh", "Serie A", "Bundesliga", "Ligue 1",
    "Eredivisie", "Champions League", "Europa League", "Conference League", "Cúp C1",
    "Cúp C2", "Cúp FA", "FA Cup", "Copa del Rey", "Copa America", "Copa Libertadores",
    "Euro", "EURO", "World Cup", "AFF Cup", "AFF Suzuki Cup", "ASEAN Cup", "Asian Cup",
    "SEA Games", "ASIAD", "Asiad", "Olympic", "Olympics", "V.League", "V-League",
    "V.League 1", "V.League 2", "J.League", "J1 League", "K.League", "K League 1",
    "Thai League", "Thai League 1", "MLS", "Saudi Pro League", "NBA", "Grand Slam",
    "Wimbledon", "Roland Garros", "US Open", "Australian Open", "Formula 1", "F1",
)  # fmt: skip
"""Football leagues and cups, and other competitions sports news names like people."""

CLUBS: tuple[str, ...] = (
    # Việt Nam (V.League and its usual short names)
    "Hoàng Anh Gia Lai", "HAGL", "Sông Lam Nghệ An", "SLNA", "Thể Công", "Thể Công Viettel",
    "Viettel", "Hà Nội FC", "Công an Hà Nội", "CAHN", "Công an Nhân dân", "Hải Phòng FC",
    "Thép Xanh Nam Định", "Nam Định FC", "Đông Á Thanh Hóa", "Thanh Hóa FC",
    "Becamex Bình Dương", "Bình Dương FC", "Hồng Lĩnh Hà Tĩnh", "Topenland Bình Định",
    "Quy Nhơn Bình Định", "SHB Đà Nẵng", "Quảng Nam FC", "Khánh Hòa FC", "Sài Gòn FC",
    "TP Hồ Chí Minh FC", "Than Quảng Ninh", "Hoàng Anh Gia Lai FC", "Đồng Tháp FC",
    # Europe and beyond
    "Real Madrid", "Barcelona", "Barca", "Atletico Madrid", "Atlético Madrid", "Sevilla",
    "Valencia", "Villarreal", "Real Sociedad", "Athletic Bilbao", "Real Betis",
    "Manchester United", "Man United", "Man Utd", "MU", "Manchester City", "Man City",
    "Liverpool", "Chelsea", "Arsenal", "Tottenham", "Tottenham Hotspur", "Newcastle",
    "Newcastle United", "Aston Villa", "West Ham", "Everton", "Leicester",
    "Leicester City", "Brighton", "Bayern Munich", "Bayern München", "Bayern",
    "Borussia Dortmund", "Dortmund", "RB Leipzig", "Bayer Leverkusen", "Leverkusen",
    "Juventus", "AC Milan", "Inter Milan", "Inter", "Napoli", "AS Roma", "Roma", "Lazio",
    "Atalanta", "Paris Saint-Germain", "PSG", "Olympique Lyon", "Lyon", "Marseille",
    "Monaco FC", "Ajax", "Ajax Amsterdam", "PSV Eindhoven", "Feyenoord", "Benfica",
    "Porto", "Sporting Lisbon", "Celtic", "Rangers", "Galatasaray", "Fenerbahce",
    "Al Nassr", "Al Hilal", "Inter Miami", "Boca Juniors", "River Plate", "Santos",
    "Flamengo", "Buriram United", "Muangthong United",
)  # fmt: skip
"""Football clubs: those of the V.League and the best known abroad."""

INTERNATIONAL_ORGANIZATIONS: tuple[str, ...] = (
    "Liên Hợp Quốc", "Liên hợp quốc", "LHQ", "UN", "Hội đồng Bảo an", "Đại hội đồng",
    "UNESCO", "UNICEF", "UNDP", "FAO", "WHO", "Tổ chức Y tế Thế giới", "WTO",
    "Tổ chức Thương mại Thế giới", "ILO", "IMF", "Quỹ Tiền tệ Quốc tế", "World Bank",
    "WB", "Ngân hàng Thế giới", "ADB", "Ngân hàng Phát triển châu Á", "AIIB", "ASEAN",
    "Hiệp hội các quốc gia Đông Nam Á", "APEC", "EU", "Liên minh châu Âu", "Liên minh Châu Âu",
    "Ủy ban châu Âu", "Nghị viện châu Âu", "NATO", "G7", "G20", "BRICS", "OPEC", "OECD",
    "WEF", "Diễn đàn Kinh tế Thế giới", "Interpol", "IAEA", "ICC", "Tòa án Hình sự Quốc tế",
    "Tòa án Công lý Quốc tế", "Liên minh châu Phi", "Hội Chữ thập đỏ", "Chữ thập đỏ",
    "Trăng lưỡi liềm đỏ", "FIFA", "UEFA", "AFC", "AFF", "IOC", "VFF", "VPF",
    "Liên đoàn Bóng đá Việt Nam", "Liên đoàn Bóng đá châu Á", "Liên đoàn Bóng đá Đông Nam Á",
)  # fmt: skip
"""International organisations (and the football federations sports news quotes)."""

NOT_PEOPLE: tuple[str, ...] = COUNTRIES + LEAGUES + CLUBS + INTERNATIONAL_ORGANIZATIONS
"""Every name above: what :func:`~corpus_tools.extract.people.find_people` never takes for
a person (besides :data:`~corpus_tools.extract.organizations.PLACES`)."""
