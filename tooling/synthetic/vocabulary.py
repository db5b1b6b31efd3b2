"""Vietnamese foreign-affairs vocabulary for synthetic articles: countries, people, titles, topics.

The people are invented (plausible given names and surnames per country, never a real minister),
so nothing generated can be mistaken for a real report about a real person. Countries are listed
most-covered first; the generator draws them with Zipf-like weights so facet counts and search
selectivity look like a real archive's (a few countries everywhere, a long tail rarely).
"""

# code, Vietnamese name, cities (capital first), given names, surnames
COUNTRIES = [
    ("US", "Mỹ", ["Washington", "New York"], ["John", "Robert", "Linda", "Michael"], ["Carter", "Miller", "Hayes", "Brooks"]),
    ("CN", "Trung Quốc", ["Bắc Kinh", "Thượng Hải"], ["Minh", "Hoa", "Kiến", "Lâm"], ["Vương", "Lý", "Trương", "Triệu"]),
    ("RU", "Nga", ["Moscow", "St. Petersburg"], ["Ivan", "Mikhail", "Oleg", "Pavel"], ["Sokolov", "Volkov", "Orlov", "Morozov"]),
    ("JP", "Nhật Bản", ["Tokyo", "Osaka"], ["Hiroshi", "Kenji", "Takeshi", "Yuko"], ["Tanaka", "Suzuki", "Watanabe", "Kato"]),
    ("KR", "Hàn Quốc", ["Seoul", "Busan"], ["Min-ho", "Ji-won", "Sung-min", "Hye-jin"], ["Kim", "Park", "Choi", "Jung"]),
    ("FR", "Pháp", ["Paris", "Lyon"], ["Pierre", "Jean", "Claire", "Louis"], ["Dubois", "Lefèvre", "Moreau", "Girard"]),
    ("DE", "Đức", ["Berlin", "Munich"], ["Klaus", "Annalena", "Stefan", "Jürgen"], ["Becker", "Schulz", "Hoffmann", "Krüger"]),
    ("IN", "Ấn Độ", ["New Delhi", "Mumbai"], ["Rajesh", "Anil", "Priya", "Sanjay"], ["Sharma", "Verma", "Iyer", "Patel"]),
    ("GB", "Anh", ["London", "Manchester"], ["James", "Oliver", "Emma", "George"], ["Walker", "Harris", "Bennett", "Clarke"]),
    ("AU", "Australia", ["Canberra", "Sydney"], ["Daniel", "Sophie", "Matthew", "Chloe"], ["Mitchell", "Turner", "Gordon", "Reid"]),
    ("ID", "Indonesia", ["Jakarta", "Surabaya"], ["Budi", "Siti", "Agus", "Dewi"], ["Santoso", "Wibowo", "Pratama", "Hidayat"]),
    ("TH", "Thái Lan", ["Bangkok", "Chiang Mai"], ["Somchai", "Anan", "Niran", "Pranee"], ["Srisuk", "Chaiyaporn", "Wongsa", "Thongdee"]),
    ("PH", "Philippines", ["Manila", "Cebu"], ["Jose", "Maria", "Ramon", "Teresa"], ["Santos", "Reyes", "Cruz", "Bautista"]),
    ("MY", "Malaysia", ["Kuala Lumpur", "Penang"], ["Ahmad", "Aziz", "Farah", "Hakim"], ["Rahman", "Ismail", "Hamid", "Yusof"]),
    ("SG", "Singapore", ["Singapore"], ["Wei Ming", "Hui Ling", "Jun Jie", "Mei Ling"], ["Tan", "Lim", "Goh", "Ng"]),
    ("LA", "Lào", ["Vientiane", "Luang Prabang"], ["Bounmy", "Khamphong", "Sisavath", "Vilay"], ["Phommachanh", "Sengdara", "Inthavong", "Keomany"]),
    ("KH", "Campuchia", ["Phnom Penh", "Siem Reap"], ["Sokha", "Vannak", "Dara", "Sophal"], ["Chea", "Hun", "Sok", "Keo"]),
    ("UA", "Ukraine", ["Kiev", "Kharkiv"], ["Andriy", "Olena", "Taras", "Dmytro"], ["Kovalenko", "Shevchuk", "Bondar", "Tkachenko"]),
    ("IT", "Italy", ["Rome", "Milan"], ["Marco", "Giulia", "Luca", "Paolo"], ["Rossi", "Bianchi", "Ferrari", "Greco"]),
    ("CA", "Canada", ["Ottawa", "Toronto"], ["Ethan", "Olivia", "Liam", "Nathalie"], ["Tremblay", "Gagnon", "Roy", "Fraser"]),
    ("BR", "Brazil", ["Brasilia", "Sao Paulo"], ["Lucas", "Ana", "Pedro", "Fernanda"], ["Silva", "Souza", "Oliveira", "Costa"]),
    ("IR", "Iran", ["Tehran", "Isfahan"], ["Ali", "Reza", "Hassan", "Maryam"], ["Karimi", "Hosseini", "Rahimi", "Ahmadi"]),
    ("IL", "Israel", ["Jerusalem", "Tel Aviv"], ["David", "Yosef", "Noa", "Avi"], ["Levi", "Cohen", "Mizrahi", "Peretz"]),
    ("TR", "Thổ Nhĩ Kỳ", ["Ankara", "Istanbul"], ["Mehmet", "Ayşe", "Emre", "Selim"], ["Yılmaz", "Demir", "Şahin", "Aydın"]),
    ("SA", "Saudi Arabia", ["Riyadh", "Jeddah"], ["Faisal", "Khalid", "Nasser", "Turki"], ["Al-Otaibi", "Al-Harbi", "Al-Qahtani", "Al-Zahrani"]),
    ("EG", "Ai Cập", ["Cairo", "Alexandria"], ["Omar", "Mahmoud", "Yasmin", "Tarek"], ["Farouk", "Mansour", "Saleh", "Nasr"]),
    ("ZA", "Nam Phi", ["Pretoria", "Cape Town"], ["Thabo", "Naledi", "Sipho", "Lerato"], ["Nkosi", "Dlamini", "Mokoena", "Khumalo"]),
    ("NG", "Nigeria", ["Abuja", "Lagos"], ["Chinedu", "Ngozi", "Emeka", "Amina"], ["Okafor", "Adeyemi", "Balogun", "Eze"]),
    ("ML", "Mali", ["Bamako"], ["Moussa", "Ibrahim", "Aminata", "Seydou"], ["Traoré", "Keita", "Coulibaly", "Diarra"]),
    ("MX", "Mexico", ["Mexico City", "Guadalajara"], ["Alejandro", "Sofía", "Javier", "Lucía"], ["Hernández", "García", "Ramírez", "Torres"]),
    ("AR", "Argentina", ["Buenos Aires", "Córdoba"], ["Martín", "Valeria", "Diego", "Camila"], ["Fernández", "López", "Gómez", "Díaz"]),
    ("PL", "Ba Lan", ["Warsaw", "Krakow"], ["Piotr", "Katarzyna", "Tomasz", "Agnieszka"], ["Nowak", "Kowalski", "Wiśniewski", "Wójcik"]),
    ("BY", "Belarus", ["Minsk"], ["Aleksandr", "Sergei", "Natalia", "Viktor"], ["Ivanovich", "Kozlov", "Novikov", "Pavlov"]),
    ("CU", "Cuba", ["Havana"], ["Raúl", "Yolanda", "Ernesto", "Mariela"], ["Pérez", "Castillo", "Rodríguez", "Martínez"]),
    ("KP", "Triều Tiên", ["Bình Nhưỡng"], ["Chol", "Song-il", "Myong-hui", "Kwang-ho"], ["Ri", "Pak", "Ryu", "Han"]),
    ("MM", "Myanmar", ["Naypyidaw", "Yangon"], ["Aung", "Htun", "Khin", "Thein"], ["Win", "Naing", "Oo", "Lwin"]),
    ("NZ", "New Zealand", ["Wellington", "Auckland"], ["Jack", "Ruby", "Hamish", "Aroha"], ["Parata", "Wilson", "Thompson", "Ngata"]),
    ("CL", "Chile", ["Santiago", "Valparaíso"], ["Felipe", "Catalina", "Sebastián", "Isidora"], ["Muñoz", "Rojas", "Soto", "Contreras"]),
    ("KZ", "Kazakhstan", ["Astana", "Almaty"], ["Nurlan", "Aigerim", "Yerlan", "Dana"], ["Abenov", "Seitkali", "Zhakupov", "Omarov"]),
    ("FI", "Phần Lan", ["Helsinki"], ["Mikko", "Aino", "Juha", "Liisa"], ["Virtanen", "Korhonen", "Mäkinen", "Nieminen"]),
]

TITLES = ["Ngoại trưởng", "Thủ tướng", "Tổng thống", "Bộ trưởng Quốc phòng", "Bộ trưởng Thương mại", "Đại sứ"]
POSITIONS = ["(trái)", "(phải)", "(giữa)"]
CREDITS = ["TTXVN", "Reuters", "AFP", "AP", "Kyodo", "Yonhap", "TASS", "Tân Hoa xã", "Bloomberg"]
ORGANIZATIONS = [
    "Liên hợp quốc", "ASEAN", "NATO", "Liên minh châu Âu", "Tổ chức Thương mại Thế giới",
    "Quỹ Tiền tệ Quốc tế", "Ngân hàng Thế giới", "G20", "APEC", "Hội đồng Bảo an",
]
REGIONS = ["Biển Đông", "Biển Đen", "Ấn Độ Dương", "Tây Phi", "Trung Đông", "Đông Nam Á", "Bắc Cực", "Thái Bình Dương"]

# (caption phrase after "… và người đồng cấp X Y", body verb phrase)
EVENTS = [
    ("gặp nhau tại {city}", "đã có cuộc gặp tại {city}"),
    ("hội đàm tại {city}", "đã hội đàm tại {city}"),
    ("ký thỏa thuận hợp tác tại {city}", "đã ký thỏa thuận hợp tác tại {city}"),
    ("họp báo chung tại {city}", "đã họp báo chung tại {city}"),
    ("dự hội nghị tại {city}", "cùng dự hội nghị tại {city}"),
    ("thảo luận bên lề hội nghị tại {city}", "đã thảo luận bên lề hội nghị tại {city}"),
]

TOPICS = [
    "hợp tác kinh tế", "an ninh hàng hải", "biến đổi khí hậu", "thương mại song phương", "chuyển đổi năng lượng",
    "ổn định khu vực", "hợp tác quốc phòng", "an ninh lương thực", "chuỗi cung ứng", "đầu tư hạ tầng",
    "giáo dục và đào tạo", "y tế công cộng", "hợp tác khoa học công nghệ", "chống khủng bố", "giải trừ hạt nhân",
    "viện trợ nhân đạo", "an ninh mạng", "du lịch và giao lưu nhân dân", "thỏa thuận thương mại tự do",
    "khủng hoảng di cư", "kiểm soát vũ khí", "trí tuệ nhân tạo", "kinh tế số", "an ninh năng lượng",
]

RELATION_LEVELS = ["Đối tác chiến lược", "Đối tác toàn diện", "Đối tác chiến lược toàn diện", "Đối tác hợp tác"]

QUOTES_FIRST = [
    "Chúng tôi mong muốn thúc đẩy {topic} lên một tầm cao mới",
    "Hai nước có chung lợi ích trong {topic} và sẽ tiếp tục phối hợp chặt chẽ",
    "Đây là thời điểm quan trọng để chúng ta cùng nhau giải quyết vấn đề {topic}",
    "Chúng tôi coi trọng quan hệ với {partner} và sẵn sàng mở rộng hợp tác về {topic}",
    "Không quốc gia nào có thể một mình đối phó với thách thức về {topic}",
]
QUOTES_SECOND = [
    "Chúng tôi đánh giá cao những nỗ lực của {partner} trong lĩnh vực {topic}",
    "Các bên cần đối thoại thẳng thắn và tôn trọng luật pháp quốc tế",
    "Thúc đẩy {topic} mang lại lợi ích thiết thực cho người dân hai nước",
    "Chúng tôi sẵn sàng đóng góp vào hòa bình và ổn định của khu vực",
]

SNIPPET_OPENERS = ["Sau {country}, ngày {day}/{month},", "Hôm {day}/{month},", "Theo hãng tin {credit},", "Trong bối cảnh"]
RELATED_HEADLINES = [
    "Tin thế giới {day}/{month}: {a} và {b} thúc đẩy {topic}; {c} lên tiếng về {region}",
    "{a} vội lên tiếng về {topic} với {b}",
    "Quan hệ {a}-{b}: bước tiến mới trong {topic}?",
    "{a} và {b} nhất trí tăng cường {topic}",
]

# The phrase that marks every synthetic file; nothing in a real seed contains it.
MARKER = "Bài tổng hợp số {number}: dữ liệu thử nghiệm hiệu năng, không phải tin thật."
