"""XMP sidecars: writing dc:subject packets, reading what digiKam, darktable and Lightroom write."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from acgdesk.tags import xmp
from acgdesk.tags.xmp import merge_xmp, read_xmp_subjects, write_xmp

SUBJECTS = ["hatsune_miku", "初音ミク", 'tom & jerry <"quoted">', "star_(symbol)", "white background"]

DIGIKAM = """<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
        xmlns:digiKam="http://www.digikam.org/ns/1.0/"
        xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/">
      <digiKam:TagsList>
        <rdf:Seq>
          <rdf:li>Characters/Vocaloid/Hatsune Miku</rdf:li>
          <rdf:li>Places/東京</rdf:li>
          <rdf:li>favourite</rdf:li>
        </rdf:Seq>
      </digiKam:TagsList>
      <MicrosoftPhoto:LastKeywordXMP>
        <rdf:Bag><rdf:li>Characters/Vocaloid/Hatsune Miku</rdf:li></rdf:Bag>
      </MicrosoftPhoto:LastKeywordXMP>
      <dc:subject>
        <rdf:Bag>
          <rdf:li>Hatsune Miku</rdf:li>
          <rdf:li>東京</rdf:li>
        </rdf:Bag>
      </dc:subject>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
""".encode()

LIGHTROOM = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:lr="http://ns.adobe.com/lightroom/1.0/">
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>People|Kagamine Rin</rdf:li>
     <rdf:li>Style|cel shading</rdf:li>
     <rdf:li>darktable|format|png</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>"""

DARKTABLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dt="http://darktable.sf.net/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:Rating="4"
   dt:xmp_version="5">
   <!-- edit history -->
   <dt:history>
    <rdf:Seq>
     <rdf:li dt:operation="exposure" dt:enabled="1" dt:params="0000&amp;ff"/>
    </rdf:Seq>
   </dt:history>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>old tag</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>darktable|format|png</rdf:li>
     <rdf:li>old tag</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""

NS_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
NS_DC = "{http://purl.org/dc/elements/1.1/}"


def test_write_xmp_is_a_valid_packet_with_a_dc_subject_bag():
    data = write_xmp(SUBJECTS, rating=3)
    text = data.decode("utf-8")
    assert text.startswith('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>')
    assert text.rstrip().endswith('<?xpacket end="w"?>')
    assert 'tom &amp; jerry &lt;"quoted"&gt;' in text
    root = ET.fromstring(data)
    assert root.tag == "{adobe:ns:meta/}xmpmeta"
    (desc,) = root.iter(f"{NS_RDF}Description")
    assert desc.get("{http://ns.adobe.com/xap/1.0/}Rating") == "3"
    bag = desc.find(f"{NS_DC}subject/{NS_RDF}Bag")
    assert [li.text for li in bag.findall(f"{NS_RDF}li")] == SUBJECTS


def test_round_trip_keeps_subjects_non_ascii_and_xml_specials():
    assert read_xmp_subjects(write_xmp(SUBJECTS)) == SUBJECTS


def test_write_drops_empties_repeats_and_characters_xml_cannot_hold():
    data = write_xmp(["a", " a ", "", "b\x00\x07c", "   "])
    assert read_xmp_subjects(data) == ["a", "bc"]
    assert b"<rdf:li>" in write_xmp(["x"]) and b"Rating" not in write_xmp(["x"])


@pytest.mark.parametrize("rating", [6, -2, 2.5, True, "3"])
def test_bad_rating_is_refused(rating):
    with pytest.raises(ValueError, match="rating"):
        write_xmp(["a"], rating=rating)


def test_reads_digikam_tags_list_leaves_and_dc_subject_once():
    assert read_xmp_subjects(DIGIKAM) == ["Hatsune Miku", "東京", "favourite"]


def test_reads_lightroom_hierarchical_subject_without_darktable_bookkeeping():
    assert read_xmp_subjects(LIGHTROOM) == ["Kagamine Rin", "cel shading"]


def test_reads_seq_other_prefixes_bom_whitespace_and_padding():
    data = (
        b"\xef\xbb\xbf  \n<?xml version='1.0'?>\n<a:xmpmeta xmlns:a='adobe:ns:meta/'><r:RDF "
        b"xmlns:r='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><r:Description "
        b"xmlns:d='http://purl.org/dc/elements/1.1/'><d:subject><r:Seq>"
        b"<r:li>  one </r:li><r:li/><r:li>two</r:li></r:Seq></d:subject></r:Description></r:RDF></a:xmpmeta>"
        + b" " * 2048
        + b"\x00\x00"
    )
    assert read_xmp_subjects(data) == ["one", "two"]


def test_reads_a_packet_without_subjects_as_empty():
    assert read_xmp_subjects(write_xmp([])) == []


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not xml at all",
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF>",  # unbound prefix, unclosed
        write_xmp(["a"])[:-60],  # truncated
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
    ],
)
def test_malformed_xmp_raises_a_clear_value_error(data):
    with pytest.raises(ValueError, match="malformed XMP"):
        read_xmp_subjects(data)


def test_oversized_xmp_is_refused(monkeypatch):
    monkeypatch.setattr(xmp, "MAX_XMP_BYTES", 1000)
    data = write_xmp([f"tag{i}" for i in range(100)])
    assert len(data) > 1000
    with pytest.raises(ValueError, match="too large"):
        read_xmp_subjects(data)
    assert xmp.MAX_XMP_BYTES == 1000


def test_default_size_cap_is_ten_megabytes():
    assert xmp.MAX_XMP_BYTES == 10 * 1024 * 1024
    with pytest.raises(ValueError, match="too large"):
        read_xmp_subjects(b" " * (10 * 1024 * 1024 + 1))


def test_merge_replaces_keywords_and_keeps_everything_else():
    merged = merge_xmp(DARKTABLE, ["hatsune_miku", "初音ミク", "a&b"])
    assert read_xmp_subjects(merged) == ["hatsune_miku", "初音ミク", "a&b"]
    root = ET.fromstring(merged)
    dt = "{http://darktable.sf.net/}"
    (desc,) = root.iter(f"{NS_RDF}Description")
    assert desc.get(f"{dt}xmp_version") == "5"
    assert desc.get("{http://ns.adobe.com/xap/1.0/}Rating") == "4"  # kept: no rating given
    (op,) = desc.find(f"{dt}history").iter(f"{NS_RDF}li")
    assert op.get(f"{dt}operation") == "exposure" and op.get(f"{dt}params") == "0000&ff"
    hier = desc.find("{http://ns.adobe.com/lightroom/1.0/}hierarchicalSubject")
    assert [li.text for li in hier.iter(f"{NS_RDF}li")] == [
        "darktable|format|png",
        "hatsune_miku",
        "初音ミク",
        "a&b",
    ]
    assert len(desc.findall(f"{NS_DC}subject")) == 1
    text = merged.decode()
    assert "<!-- edit history -->" in text and "old tag" not in text
    assert 'xmlns:dt="http://darktable.sf.net/"' in text  # the document's own prefix is kept
    assert text.startswith("<?xpacket begin=")


def test_merge_rewrites_every_keyword_list_digikam_keeps():
    merged = merge_xmp(DIGIKAM, ["solo", "初音ミク"])
    root = ET.fromstring(merged)
    lists = {
        prop.tag.split("}")[1]: [li.text for li in prop.iter(f"{NS_RDF}li")]
        for prop in root.iter()
        if prop.tag.endswith(("}subject", "}TagsList", "}LastKeywordXMP"))
    }
    assert lists == {
        "subject": ["solo", "初音ミク"],
        "TagsList": ["solo", "初音ミク"],
        "LastKeywordXMP": ["solo", "初音ミク"],
    }
    assert read_xmp_subjects(merged) == ["solo", "初音ミク"]


def test_merge_sets_rating_when_given_and_adds_a_description_when_missing():
    merged = merge_xmp(DARKTABLE, ["x"], rating=1)
    (desc,) = ET.fromstring(merged).iter(f"{NS_RDF}Description")
    assert desc.get("{http://ns.adobe.com/xap/1.0/}Rating") == "1"
    bare = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
    )
    assert read_xmp_subjects(merge_xmp(bare, ["y", "z"])) == ["y", "z"]


def test_merge_refuses_what_it_cannot_read():
    with pytest.raises(ValueError, match="malformed XMP"):
        merge_xmp(b"<broken", ["x"])
    with pytest.raises(ValueError, match="rdf:RDF"):
        merge_xmp(b"<root/>", ["x"])
