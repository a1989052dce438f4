"""Any card, read, written back (record -> PersonOut with the same fields) and read again, still
holds every line the journal does not model, byte for byte after unfolding, and the same fields."""

from __future__ import annotations

import base64

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.dates import YearlyDate
from journal.interop import vcard
from journal.interop.vcard_fields import FILE_PROPERTIES, HAND_READ, MODELLED_BY_VOBJECT
from journal.interop.vcard_write import escape, fold
from tests.interop.test_vcard_fields import FIELDS, person_of

MODELLED = HAND_READ | MODELLED_BY_VOBJECT | FILE_PROPERTIES | {"PHOTO", "AGENT"}
# Letters, digits, punctuation (commas, semicolons, backslashes, colons, quotes) and any UTF-8
# text; no line breaks or other control characters, which a content line cannot hold.
_value_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
_token = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9-]{0,10}", fullmatch=True)
_x_name = st.from_regex(r"X-[A-Za-z0-9][A-Za-z0-9-]{0,14}", fullmatch=True).filter(
    lambda n: n.upper() not in MODELLED)
_param_value = st.one_of(
    st.from_regex(r"[A-Za-z0-9_./+-]{0,12}", fullmatch=True),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters='"'),
            max_size=12).map(lambda t: f'"{t}"'),
)
_param = st.one_of(
    st.tuples(_token, _param_value).map(lambda kv: f";{kv[0]}={kv[1]}"),
    _token.map(lambda t: f";{t}"),
).filter(lambda p: not any(w in p.upper() for w in ("QUOTED-PRINTABLE", "CHARSET", "ENCODING", "BASE64")))
_params = st.lists(_param, max_size=3).map("".join)


@st.composite
def unmodelled_line(draw, group: str = "") -> str:
    kind = draw(st.sampled_from(["x", "x", "x", "gender", "lang", "geo", "label", "tz", "key", "logo", "misc"]))
    prefix = f"{group}." if group else ""
    if kind == "x":
        return f"{prefix}{draw(_x_name)}{draw(_params)}:{draw(_value_text)}"
    if kind == "gender":
        return f"{prefix}GENDER:{draw(st.sampled_from(['M', 'F', 'O', 'N', 'U', 'F;woman', 'O;non-binary']))}"
    if kind == "lang":
        return f"{prefix}LANG{draw(st.sampled_from(['', ';PREF=1', ';TYPE=work']))}:{draw(st.sampled_from(['pt-PT', 'en', 'fr-CA']))}"
    if kind == "geo":
        lat, lon = draw(st.floats(-90, 90, allow_nan=False)), draw(st.floats(-180, 180, allow_nan=False))
        return f"{prefix}GEO:{lat:.5f};{lon:.5f}"
    if kind == "label":
        return f"{prefix}LABEL{draw(_params)}:{escape(draw(_value_text))}"
    if kind == "tz":
        return f"{prefix}TZ:{draw(st.sampled_from(['-05:00', 'Europe/Lisbon', 'VALUE=text:Z']))}"
    if kind in ("key", "logo"):
        data = base64.b64encode(draw(st.binary(min_size=1, max_size=200))).decode()
        name = "KEY;ENCODING=b" if kind == "key" else f"LOGO;ENCODING=b;TYPE={draw(st.sampled_from(['PNG', 'JPEG']))}"
        return f"{prefix}{name}:{data}"
    return f"{prefix}{draw(st.sampled_from(['ROLE', 'MAILER', 'SORT-STRING', 'CLASS', 'KIND', 'CLIENTPIDMAP', 'X-ABUID']))}" \
           f"{draw(_params)}:{draw(_value_text)}"


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20).filter(
    lambda t: t.strip())
_label = st.sampled_from(["", "work", "home", "cell", "home, fax", "Work", "Private line", "_$!<Mobile>!$_"])
_date = st.builds(YearlyDate, st.integers(1, 12), st.integers(1, 28), st.none() | st.integers(1901, 2030)) | st.sampled_from(
    [YearlyDate(2, 29), YearlyDate(2, 29, 2000), YearlyDate(12, 31, 1999)])


@st.composite
def modelled_lines(draw) -> list[list[str]]:
    """Modelled properties, each a list of lines that belong together (a property and its group's label)."""
    items: list[list[str]] = [[f"FN:{escape(draw(_text))}"], ["N:Doe;Jane;;;"]]
    groups = iter(f"item{n}" for n in range(1, 100))
    for _ in range(draw(st.integers(0, 3))):
        label = draw(_label)
        value = escape(draw(st.emails()))
        if label and label == label.lower() and "_" not in label:
            items.append([f"EMAIL;TYPE=INTERNET{''.join(';TYPE=' + t for t in label.split(', '))}:{value}"])
        else:
            group = next(groups)
            items.append([f"{group}.EMAIL;TYPE=INTERNET:{value}", f"{group}.X-ABLabel:{escape(label) if label else 'x'}"])
    for _ in range(draw(st.integers(0, 2))):
        items.append([f"TEL;TYPE=cell:{draw(st.from_regex(r'[+][0-9 ]{4,12}', fullmatch=True))}"])
    for date in draw(st.lists(_date, max_size=2)):
        items.append([f"BDAY:{date.text()}"])
    for date, label in draw(st.lists(st.tuples(_date, st.sampled_from(["_$!<Anniversary>!$_", "Name day", ""])), max_size=2)):
        group = next(groups)
        items.append([f"{group}.X-ABDATE:{date.text()}"] + ([f"{group}.X-ABLabel:{label}"] if label else []))
    if draw(st.booleans()):
        items.append([f"NICKNAME:{','.join(escape(t) for t in draw(st.lists(_text, min_size=1, max_size=2)))}"])
    for _ in range(draw(st.integers(0, 2))):
        parts = draw(st.lists(st.one_of(st.just(""), _text), min_size=7, max_size=7))
        items.append([f"ADR;TYPE={draw(st.sampled_from(['home', 'work']))}:{';'.join(escape(p) for p in parts)}"])
    for _ in range(draw(st.integers(0, 3))):
        items.append([f"ORG:{escape(draw(_text))}", f"TITLE:{escape(draw(_text))}"])
    for _ in range(draw(st.integers(0, 2))):
        group = next(groups)
        kind = draw(st.sampled_from(["_$!<Spouse>!$_", "_$!<Child>!$_", "Godmother"]))
        items.append([f"{group}.X-ABRELATEDNAMES:{escape(draw(_text))}", f"{group}.X-ABLabel:{kind}"])
    for _ in range(draw(st.integers(0, 2))):
        service = draw(st.sampled_from(["Skype", "Jabber", "AIM"]))
        items.append([f"IMPP;X-SERVICE-TYPE={service}:{service.lower()}:{draw(_token)}"])
    for _ in range(draw(st.integers(0, 3))):
        items.append([f"URL:https://{draw(_token)}.example/{draw(_token)}"])
    if draw(st.booleans()):
        items.append([f"X-SOCIALPROFILE;type=twitter:https://twitter.com/{draw(_token)}"])
    if draw(st.booleans()):
        items.append([f"NOTE:{escape(draw(_text))}"])
    if draw(st.booleans()):
        items.append([f"PHOTO;ENCODING=b;TYPE=JPEG:{base64.b64encode(draw(st.binary(min_size=3, max_size=300))).decode()}"])
    return items


@st.composite
def cards(draw) -> tuple[str, list[str]]:
    """(a card's text, folded as writers fold it; the lines in it the journal does not model, unfolded, in order)."""
    items = draw(modelled_lines())
    kept: list[list[str]] = [[draw(unmodelled_line())] for _ in range(draw(st.integers(0, 8)))]
    for number in range(draw(st.integers(0, 2))):  # grouped lines whose label goes with a line not modelled
        group = f"g{number}"
        kept.append([draw(unmodelled_line(group)), f"{group}.X-ABLabel:{escape(draw(_text))}"])
    marked = [(line, False) for item in items for line in [item]] + [(line, True) for line in kept]
    order = draw(st.permutations(marked))
    lines, expected = [], []
    for group_lines, is_kept in order:
        lines.extend(group_lines)
        if is_kept:
            expected.extend(group_lines)
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(fold(line) for line in lines) + "END:VCARD\r\n"
    return text, expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cards())
def test_a_card_read_written_and_read_again_keeps_every_line_it_does_not_model(case):
    text, expected = case
    result = vcard.parse(text.encode())
    assert result.dropped_lines == [] and result.rejected == []
    (first,) = result.records
    assert first.extra_lines == expected
    written = vcard.person_to_card(person_of(first))
    vobject.readOne(written)
    (again,) = vcard.parse(written.encode()).records
    assert again.extra_lines == expected
    assert {k: getattr(again, k) for k in FIELDS} == {k: getattr(first, k) for k in FIELDS}
