"""Chinese text wraps as Chinese readers expect; Latin text wraps as before."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line as rich_divide_line

from okx_helper.base.linebreak import BULLETS, CLOSING, OPENING, divide_line

TIP = "• 充值时请确认网络（TRC20、ERC20 等）和地址一致，否则资产可能无法到账。如需填写 Memo/Tag，请务必填写正确，否则客服需要人工找回，耗时较长。"


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *divide_line(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation():
    for width in range(6, 60):
        for line in lines(TIP, width)[1:]:
            assert line[0] not in CLOSING, (width, line)
        for line in lines(TIP, width)[:-1]:
            assert line.rstrip()[-1] not in OPENING, (width, line)


def test_a_bullet_keeps_its_text():
    for width in range(4, 30):
        first = lines(TIP, width)[0].strip()
        assert first not in BULLETS and len(first) > 1, width


def test_lines_fit():
    from rich.cells import cell_len

    for width in range(4, 60):
        assert all(cell_len(line.rstrip()) <= width for line in lines(TIP, width)), width


def test_latin_text_wraps_as_rich_does():
    text = "Check the network (TRC20, ERC20 ...) and the address before you send: otherwise the deposit may be lost."
    for width in range(5, 60):
        assert divide_line(text, width) == rich_divide_line(text, width)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="充值网络地址你好，。、（）「」 abcTRC20•", max_size=120), st.integers(min_value=2, max_value=40)
)
def test_any_text_gives_increasing_offsets_inside_the_text(text, width):
    cuts = divide_line(text, width)
    assert cuts == sorted(set(cuts)) and all(0 < c < len(text) for c in cuts)


def test_long_text_wraps_in_one_pass():
    text = ("这是一段很长的中文说明，没有空格。" * 2000) + (" word" * 2000)
    assert len(divide_line(text, 37)) > 1000
