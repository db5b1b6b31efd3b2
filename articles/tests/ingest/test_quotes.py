from articles.ingest.extract import extract_document


def quotes_of(text):
    extraction = extract_document(text)
    return [(q.text, q.speaker) for q in extraction.quotes], extraction


def test_seed_quotes_and_speakers(seed_text):
    quotes, extraction = quotes_of(seed_text)
    assert quotes == [
        (
            "Chúng tôi đang ở trong một tình huống khó khăn và chúng tôi có thể phải nhờ người bạn Nga giúp đỡ. "
            "Sự tồn tại của nhà nước Mali đang bị đe dọa",
            "diop",
        ),
        (
            "Moscow có lịch sử hợp tác quân sự và kỹ thuật-quân sự lâu dài với Mali. Chúng tôi tiếp tục duy trì "
            "những truyền thống này bằng cách cung cấp cho chính phủ Mali... máy móc, trang thiết bị, đạn dược, "
            "vũ khí để đẩy lùi mối đe dọa khủng bố một cách hiệu quả",
            "sergey lavrov",
        ),
        ("các chính phủ hợp pháp của các quốc gia có chủ quyền", "sergey lavrov"),
        ("không hiểu điều gì có thể được coi là tiêu cực trong vấn đề này?", "sergey lavrov"),
    ]
    for quote in extraction.quotes:
        assert extraction.paragraphs[quote.span.index][quote.span.start : quote.span.end] == quote.text


def test_speaker_after_the_quote_and_pronoun_speaker():
    quotes, _ = quotes_of(
        "Tổng thống Pháp Emmanuel Macron tại Paris |\n"
        "“Châu Âu phải tự chủ về quốc phòng”, Tổng thống Macron nói.\n"
        "Ông cũng nhấn mạnh: “Chúng tôi sẽ tiếp tục hỗ trợ Ukraine”.\n"
    )
    assert quotes == [
        ("Châu Âu phải tự chủ về quốc phòng", "emmanuel macron"),
        ("Chúng tôi sẽ tiếp tục hỗ trợ Ukraine", "emmanuel macron"),
    ]


def test_unbalanced_marks_give_no_runaway_quote():
    quotes, _ = quotes_of(
        "Ảnh |\n"
        "Ông Lavrov nói: “Chúng tôi sẽ không nhượng bộ bất kỳ điều gì.\n"
        "Đoạn sau không phải trích dẫn, dù có dấu ” lạc và \"một dấu nữa.\n"
    )
    assert quotes == []


def test_scare_quotes_are_not_speech():
    quotes, _ = quotes_of('Ảnh |\nNhóm "Wagner" và định dạng "2+2" được nhắc tới.\n')
    assert quotes == []


def test_quote_without_speaker():
    quotes, _ = quotes_of("Ảnh |\nTrên biểu ngữ ghi: “Hòa bình cho tất cả mọi người”.\n")
    assert quotes == [("Hòa bình cho tất cả mọi người", None)]
