import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from journal.interop.dedupe import DedupeIndex, Entry, duplicate_pairs, fold, linkedin_key, name_key, org_key


def test_names_fold_accents_case_and_order():
    assert name_key("Perez, Ana") == name_key("Ana Pérez") == name_key("ANA  PEREZ")
    assert fold("Łukasz Wiśniewski") == "lukasz wisniewski"
    assert fold("Søren Weiß") == "soren weiss"
    assert org_key("Acme, Inc.") == org_key("ACME") == "acme"


def test_linkedin_key():
    assert linkedin_key("https://www.LinkedIn.com/in/Ana-Perez/?trk=x") == "linkedin.com/in/ana-perez"
    assert linkedin_key("linkedin.com/in/ana-perez") == "linkedin.com/in/ana-perez"
    assert linkedin_key("   ") == ""


def test_shared_key_is_the_same_person_close_name_only_at_the_same_organisation():
    index = DedupeIndex()
    index.add(1, "Ana Pérez", "Acme Inc", {"email:ana@acme.com"})
    index.add(2, "Bo Li", "", set())
    assert index.same("Someone Else", "", {"email:ana@acme.com"}).ref == 1
    assert index.same("Perez, Ana", "ACME", set()).ref == 1
    assert index.same("Bo Li", "", set()).ref == 2
    assert index.same("Bo Li", "Globex", set()) is None
    close = index.close("Anna Perez", "Acme")
    assert close.ref == 1 and close.score >= 85
    assert index.close("Anna Perez", "Globex") is None
    assert index.close("Zed Zulu", "Acme") is None


def test_duplicate_pairs():
    pairs = duplicate_pairs([
        Entry(1, "Ana Pérez", "Acme", {"phone:+14155550100"}),
        Entry(2, "Perez, Ana", "Acme", set()),
        Entry(3, "Someone", "", {"phone:+14155550100"}),
        Entry(4, "Bo Li", "Acme", set()),
    ])
    found = {(a, b): reason for a, b, reason, _score in pairs}
    assert found == {(1, 3): "same phone +14155550100", (1, 2): "same name at Acme"}


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_fold_of_ascii_text_takes_the_short_way_to_the_same_result(text):
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert fold(text) == " ".join(re.sub(r"[^\w\s]+", " ", plain.casefold()).split())


@given(st.text())
def test_fold_of_any_text_drops_exactly_the_combining_marks(text):
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    expected = re.sub(r"[^\w\s]+", " ", plain.casefold().translate(str.maketrans({
        "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
    })))
    assert fold(text) == " ".join(expected.split())
    assert name_key(text) == " ".join(sorted(expected.split()))


def test_an_index_folds_each_distinct_name_once_and_keeps_nothing_between_indexes():
    index = DedupeIndex()
    assert index.folded("Pérez, Ana", "Acme Inc") == ("ana perez", "acme")
    assert index._name_keys == {"Pérez, Ana": "ana perez"} and index._org_keys == {"Acme Inc": "acme"}
    assert DedupeIndex()._name_keys == {}


def test_re_adding_a_ref_renames_it_in_its_block_without_a_second_entry():
    index = DedupeIndex()
    index.add(1, "Ana Perez", "Acme", set())
    index.add(2, "Bo Li", "Acme", set())
    index.add(1, "Anna Pereira", "Acme", set())
    assert index.close("Anna Pereira", "Acme").ref == 1
    assert index.close("Ana Perez", "Acme") is None or index.close("Ana Perez", "Acme").ref == 1
    refs, names, _positions = index._blocks["acme"]
    assert (refs, names) == ([1, 2], ["anna pereira", "bo li"])


@given(st.lists(st.text(), max_size=4), st.lists(st.sampled_from([" ", "  ", "\t", "\u00a0", "\u3000", "\x1c"]), max_size=4))
def test_an_index_folds_names_word_by_word_to_the_same_keys(parts, gaps):
    index = DedupeIndex()
    names = [gap.join(parts) for gap in gaps or [" "]] + parts
    for name in names:
        assert index.folded(name, "")[0] == name_key(name)
