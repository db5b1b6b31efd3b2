"""Words that introduce people, refer to roles, report speech or describe a meeting."""

# Titles recorded on an actor, written as the canonical capitalised form.
TITLES = (
    "Ngoại trưởng", "Bộ trưởng Ngoại giao", "Bộ trưởng Quốc phòng", "Bộ trưởng Tài chính",
    "Bộ trưởng Nội vụ", "Bộ trưởng Thương mại", "Bộ trưởng", "Thứ trưởng Ngoại giao",
    "Thứ trưởng", "Tổng thống", "Phó Tổng thống", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch",
    "Chủ tịch nước", "Phó Chủ tịch", "Tổng Bí thư", "Tổng thư ký", "Quốc vương", "Nữ hoàng",
    "Thái tử", "Hoàng tử", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Tướng", "Đại tướng",
    "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đô đốc", "Đại sứ", "Người phát ngôn",
    "Phát ngôn viên", "Thượng nghị sĩ", "Hạ nghị sĩ", "Nghị sĩ", "Chủ tịch Hạ viện",
    "Thống đốc", "Thị trưởng", "Giáo sư", "Tiến sĩ", "Cố vấn An ninh Quốc gia", "Đặc phái viên",
    "Tổng tư lệnh", "Tư lệnh", "Nhà lãnh đạo", "Thư ký", "Tổng Giám đốc", "Thống tướng",
    "Chủ tịch Quốc hội", "Chủ tịch Thượng viện", "Chánh Văn phòng Nội các",
    "Nhật hoàng", "Giáo hoàng", "Quốc vụ khanh", "Thủ hiến", "Cao ủy", "Cao ủy Nhân quyền",
    "Đại diện Thương mại", "Giám đốc", "Người đứng đầu", "Phó Ngoại trưởng", "Trưởng",
    "Tổng thống lâm thời", "Thủ tướng lâm thời", "Tổng thống đắc cử", "Bộ trưởng Công Thương", "Bộ trưởng Công an", "Bộ trưởng Y tế",
    "Bộ trưởng Tư pháp", "Bộ trưởng Xây dựng", "Bộ trưởng Kế hoạch và Đầu tư",
    "Bộ trưởng Giáo dục và Đào tạo", "Bộ trưởng Khoa học và Công nghệ",
    "Bộ trưởng Tài nguyên và Môi trường", "Bộ trưởng Nông nghiệp và Môi trường",
    "Bộ trưởng Giao thông vận tải", "Bộ trưởng Lao động", "Bộ trưởng Năng lượng", "Thủ hiến bang",
)

# Title groups used to resolve role references ("Nhà ngoại giao Nga" = Russia's foreign minister).
FOREIGN_MINISTER = "foreign_minister"
TITLE_GROUPS: dict[str, str] = {
    "Ngoại trưởng": FOREIGN_MINISTER,
    "Bộ trưởng Ngoại giao": FOREIGN_MINISTER,
    "Tổng thống": "president",
    "Thủ tướng": "prime_minister",
    "Bộ trưởng Quốc phòng": "defence_minister",
}

# Role phrases that name no one but point at the holder of a role in a country.
ROLE_PHRASES: dict[str, str] = {
    "Nhà ngoại giao": FOREIGN_MINISTER,
    "Nhà ngoại giao hàng đầu": FOREIGN_MINISTER,
    "Người đứng đầu ngành ngoại giao": FOREIGN_MINISTER,
    "Người đứng đầu Bộ Ngoại giao": FOREIGN_MINISTER,
    "Trưởng ngành ngoại giao": FOREIGN_MINISTER,
    "Người đứng đầu Điện Kremlin": "president",
    "Người đứng đầu Nhà Trắng": "president",
}

# Words that introduce a name without being a title of office.
PERSON_INTRODUCERS = ("ông", "bà", "ngài")

# "người đồng cấp Mali Diop": Diop holds the same office as the other party.
COUNTERPART = "người đồng cấp"

SPEECH_VERBS = (
    "nói", "nêu rõ", "nhấn mạnh", "tuyên bố", "khẳng định", "cho biết", "cho rằng", "phát biểu",
    "cho hay", "bày tỏ", "thông báo", "lưu ý", "kêu gọi", "nhận định", "chia sẻ", "tuyên bố rằng",
    "cảnh báo", "trả lời", "bình luận", "nhận xét", "viết", "cáo buộc", "gọi", "chỉ trích", "lên án",
    "đánh giá", "mô tả", "nhắc lại", "tái khẳng định", "thừa nhận", "bác bỏ", "giải thích",
    "hoan nghênh", "kết luận", "nói rằng", "nhấn mạnh rằng", "khẳng định rằng", "viết rằng",
)

MEETING_WORDS = ("gặp", "hội đàm", "điện đàm", "hội kiến", "tiếp xúc", "thăm", "đàm phán với")
