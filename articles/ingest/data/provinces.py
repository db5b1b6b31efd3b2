"""Viet Nam's provinces and centrally run cities (the 63 before July 2025 and the 34 after the
merger) and other major cities. Several hold a country's or a sea's name ("Lào Cai", "Thái
Bình", "Hà Nam", "Quảng Nam", "Nam Định"); as places they are read whole, and name no country
(a province does not stand for the state, as a capital does). "Hòa Bình" is left out: as a
capitalised phrase it is as often "peace" in a title."""

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
)

CITIES = (
    "Nha Trang", "Vũng Tàu", "Đà Lạt", "Hạ Long", "Quy Nhơn", "Buôn Ma Thuột", "Biên Hòa",
    "Thủ Đức", "Hội An", "Phú Quốc", "Sa Pa", "Móng Cái", "Phan Thiết", "Pleiku", "Cam Ranh",
)
