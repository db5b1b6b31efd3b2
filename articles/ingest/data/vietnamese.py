"""Vietnamese word lists that tell a country name from a given name or a common word."""

FAMILY_NAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương "
    "Lâm Mai Tô Trịnh Đoàn Lương Lưu Cao Tạ Vương Quách Tăng Thân Chu Kiều Triệu Khúc "
    "Đào Văn Thị Hứa Mạc Lại Lò Giang Khổng Tôn Đàm Nông Hà".split()
)

# Words that put a personal name after them: "ông Đức", "chị Mỹ", "anh Nga".
PERSONAL_TITLES = frozenset(
    "ông bà anh chị em cô chú bác cụ cậu dì thím mợ cháu chàng nàng bé "
    "Ông Bà Anh Chị Em Cô Chú Bác Cụ Cậu Dì Chàng Nàng".split()
)

# "tiếng Anh" is the English language, not the United Kingdom.
LANGUAGE_WORDS = frozenset(("tiếng", "Tiếng"))

# Capitalised words that start a clause and are never a given name, so a country name after
# them ("Sau Pháp, ...", "Theo Mỹ") is not the tail of a personal name.
CLAUSE_OPENERS = frozenset(
    "Sau Theo Trong Tại Với Trước Khi Cùng Cả Còn Nhưng Tuy Mặc Nếu Vì Do Hồi Ngày Hôm Tháng "
    "Năm Từ Đến Tới Giữa Ngoài Đối Về Riêng Ngay Chính Các Những Một Nhiều Mọi Đây Đó Hiện "
    "Vào Liên Cũng Thậm Song Dù Bởi Nhờ Qua Hay Và Hoặc Rồi Trên Dưới Phía Bên Ở Để "
    "Trái Không Chưa Đã Sẽ Đang Là Như Kể Gần Suốt Thời Lúc Sáng Chiều Tối Đêm".split()
)

# Lowercase words that, right after an ambiguous country name, make a common compound:
# "Pháp luật" is law, "Ý kiến" an opinion, "Anh ấy" a pronoun.
COMMON_COMPOUNDS: dict[str, frozenset[str]] = {
    "Pháp": frozenset("luật lý sư quyền y chế lệnh định nhân trị môn danh bảo thuật".split()),
    "Mỹ": frozenset("thuật phẩm nghệ quan học mãn miều nhân vị tục ý cảm".split()),
    "Anh": frozenset("ấy ta em chị hùng dũng minh tài hào kiệt đào".split()),
    "Ý": frozenset("kiến tưởng nghĩa định thức chí muốn đồ nguyện tứ niệm tình thích".split()),
    "Đức": frozenset("tin tính độ hạnh hóa hoá".split()),
    "Áo": frozenset("dài khoác mưa giáp sơ mi phông len choàng".split()),
}

# Capitalised words after "Đức" that make it an honorific ("Đức Giáo hoàng", "Đức Phật").
HONORIFIC_FOLLOWERS = frozenset("Giáo Phật Chúa Thánh Mẹ Cha Đạt Tổng Hồng".split())

# Words after a sentence-initial "Anh" that make it the pronoun "he": "Anh cho biết ...".
PRONOUN_VERBS = frozenset(
    "cho nói kể chia tâm nghĩ thấy cười nhớ hiểu mong muốn là từng bảo hỏi trả".split()
)

# Country names that are also given names or common words; only these get the checks above.
AMBIGUOUS_NAMES = frozenset(("Đức", "Pháp", "Mỹ", "Nga", "Anh", "Ý", "Áo"))
