"""extract_metadata on real files: EXIF (IFD0, Exif IFD, GPS), XMP, PNG/GIF text, generation prompts.

Files are written with Pillow and read back through decode_image, which is how the indexer gets
its metadata (PNG text chunks after the image data are only known once pixels are loaded).
"""

from __future__ import annotations

import io
import json

import pytest
from PIL import ExifTags, Image, TiffImagePlugin
from PIL.PngImagePlugin import PngInfo

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.metadata import ImageMetadata, extract_metadata

from .conftest import corner_marked, encode, png_chunk

XMP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>'
    "<rdf:Seq><rdf:li>Some Artist</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    '<?xpacket end="w"?>'
)

A1111 = (
    "masterpiece, 1girl, silver hair, (smile:1.2)\n"
    "Negative prompt: lowres, bad hands\n"
    "Steps: 28, Sampler: DPM++ 2M Karras, CFG scale: 6.5, Seed: 1234567890, Size: 512x768, "
    "Model hash: abcdef1234, Model: animagine-xl"
)


def _meta(data: bytes) -> ImageMetadata:
    return decode_image(data).metadata


def _camera_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "FUJIFILM"  # Make
    exif[0x0110] = "X-T5"  # Model
    exif[0x0132] = "2024:05:06 07:08:09"  # DateTime
    exif[0x0131] = "Clip Studio Paint 3.0"  # Software
    exif[0x013B] = "Some Artist"  # Artist
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[0x829A] = TiffImagePlugin.IFDRational(1, 250)  # ExposureTime
    sub[0x829D] = TiffImagePlugin.IFDRational(28, 10)  # FNumber
    sub[0x8827] = 400  # ISOSpeedRatings
    sub[0x9003] = "2024:05:06 07:08:00"  # DateTimeOriginal
    sub[0x920A] = TiffImagePlugin.IFDRational(35, 1)  # FocalLength
    sub[0xA434] = "XF16-80mm"  # LensModel
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[1] = "N"
    gps[2] = (TiffImagePlugin.IFDRational(35, 1), TiffImagePlugin.IFDRational(40, 1), 0.0)
    return exif


def test_jpeg_exif_ifd0_exif_ifd_and_gps_fields() -> None:
    exif = _camera_exif()
    meta = _meta(encode(corner_marked(), "JPEG", exif=exif.tobytes()))
    e = meta.exif
    assert e["Make"] == "FUJIFILM"
    assert e["Model"] == "X-T5"
    assert e["DateTime"] == "2024:05:06 07:08:09"
    assert e["Software"] == "Clip Studio Paint 3.0"
    assert e["Artist"] == "Some Artist"
    assert e["DateTimeOriginal"] == "2024:05:06 07:08:00"
    assert e["ISOSpeedRatings"] == 400
    assert abs(e["ExposureTime"] - 0.004) < 1e-9
    assert abs(e["FNumber"] - 2.8) < 1e-9
    assert e["FocalLength"] == 35.0
    assert e["LensModel"] == "XF16-80mm"
    assert e["GPSLatitudeRef"] == "N"
    assert e["GPSLatitude"] == [35.0, 40.0, 0.0]
    assert "ExifOffset" not in e and "GPSInfo" not in e, "IFD pointers are not data"
    json.dumps(e)  # stored as JSON: everything must serialise


def test_exif_in_png_webp_and_tiff_is_read() -> None:
    exif = _camera_exif()
    for fmt in ("PNG", "WEBP"):
        meta = _meta(encode(corner_marked(), fmt, exif=exif.tobytes()))
        assert meta.exif["Make"] == "FUJIFILM", fmt
        assert meta.exif["ISOSpeedRatings"] == 400, fmt
    meta = _meta(encode(corner_marked(), "TIFF", exif=exif))
    assert meta.exif["Model"] == "X-T5"


def test_maker_note_and_large_binary_blobs_are_dropped_short_ones_kept() -> None:
    exif = _camera_exif()
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[0x927C] = bytes(range(256)) * 200  # MakerNote: 51 kB of vendor binary
    sub[0xA420] = "0123456789abcdef"  # ImageUniqueID (short text: kept)
    exif[0xC4A5] = b"\xff\xfe\x00\x01" * 500  # PrintImageMatching: 2 kB of non-text binary
    exif[0x9C9B] = b"\x80\x81\x82"  # XPTitle-like short binary: kept as hex
    meta = _meta(encode(corner_marked(), "JPEG", exif=exif.tobytes()))
    assert "MakerNote" not in meta.exif
    assert "PrintImageMatching" not in meta.exif
    assert meta.exif["ImageUniqueID"] == "0123456789abcdef"
    assert meta.exif["XPTitle"] == "808182"
    assert len(json.dumps(meta.exif)) < 4000, "no blob made it into the stored JSON"


def test_very_long_exif_text_is_clipped() -> None:
    exif = Image.Exif()
    exif[0x010E] = "x" * 100_000  # ImageDescription (PNG: a JPEG segment cannot hold 100 kB)
    meta = _meta(encode(corner_marked(), "PNG", exif=exif.tobytes()))
    assert len(meta.exif["ImageDescription"]) == 64 * 1024


def test_xmp_packet_in_jpeg_app1() -> None:
    meta = _meta(encode(corner_marked(), "JPEG", xmp=XMP.encode()))
    assert meta.xmp is not None
    assert "<dc:creator>" in meta.xmp and "Some Artist" in meta.xmp
    assert "\x00" not in meta.xmp


def test_xmp_in_png_itxt_is_xmp_not_a_text_chunk() -> None:
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP)
    info.add_text("Title", "Sunset")
    meta = _meta(encode(corner_marked(), "PNG", pnginfo=info))
    assert meta.xmp is not None and "Some Artist" in meta.xmp
    assert "XML:com.adobe.xmp" not in meta.text
    assert meta.text == {"Title": "Sunset"}


def test_xmp_in_webp() -> None:
    meta = _meta(encode(corner_marked(), "WEBP", xmp=XMP.encode()))
    assert meta.xmp is not None and "Some Artist" in meta.xmp


def test_png_text_ztxt_and_itxt_chunks() -> None:
    info = PngInfo()
    info.add_text("Title", "Evening")
    info.add_text("Comment", "compressed comment " * 20, zip=True)
    info.add_itxt("Description", "日本語の説明", lang="ja", tkey="説明")
    info.add_text("Blank", "   ")
    meta = _meta(encode(corner_marked(), "PNG", pnginfo=info))
    assert meta.text["Title"] == "Evening"
    assert meta.text["Comment"] == "compressed comment " * 20
    assert meta.text["Description"] == "日本語の説明"
    assert "Blank" not in meta.text, "whitespace-only values carry nothing"
    assert meta.generation is None


def test_png_text_chunk_after_the_image_data_is_found() -> None:
    # Pillow only reads chunks after IDAT once pixels are loaded; build such a file by hand.
    data = encode(corner_marked(), "PNG")
    iend = data.rindex(b"IEND") - 4
    late = png_chunk(b"tEXt", b"parameters\x00" + A1111.encode())
    meta = _meta(data[:iend] + late + data[iend:])
    assert meta.generation is not None
    assert meta.generation.prompt.startswith("masterpiece, 1girl")


def test_a1111_parameters_png_gives_the_generation_record() -> None:
    info = PngInfo()
    info.add_text("parameters", A1111)
    meta = _meta(encode(corner_marked(), "PNG", pnginfo=info))
    gen = meta.generation
    assert gen is not None
    assert gen.generator == "a1111"
    assert gen.prompt == "masterpiece, 1girl, silver hair, (smile:1.2)"
    assert gen.negative_prompt == "lowres, bad hands"
    assert gen.params["steps"] == 28
    assert gen.params["sampler"] == "DPM++ 2M Karras"
    assert gen.params["cfg_scale"] == 6.5
    assert gen.params["seed"] == 1234567890
    assert (gen.params["width"], gen.params["height"]) == (512, 768)
    assert gen.params["model"] == "animagine-xl"
    assert meta.text["parameters"] == A1111


def test_a1111_parameters_in_jpeg_user_comment() -> None:
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[0x9286] = b"UNICODE\x00" + A1111.encode("utf-16-be")
    meta = _meta(encode(corner_marked(), "JPEG", exif=exif.tobytes()))
    assert "UserComment" not in meta.exif, "the comment moves to text, decoded"
    assert meta.text["UserComment"] == A1111
    assert meta.generation is not None and meta.generation.generator == "a1111"
    assert meta.generation.negative_prompt == "lowres, bad hands"


def test_gif_comment_is_text() -> None:
    meta = _meta(encode(corner_marked(), "GIF", comment=b"drawn by someone"))
    assert meta.text.get("comment") == "drawn by someone"


def test_file_without_metadata_is_empty() -> None:
    meta = _meta(encode(corner_marked(), "PNG"))
    assert meta.empty
    assert meta.exif == {} and meta.xmp is None and meta.text == {} and meta.generation is None


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow reports the damage
def test_broken_exif_does_not_stop_decoding() -> None:
    broken = b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\x7f" + b"\x12\x01\x03\x00" * 3 + b"\xde\xad"
    data = encode(corner_marked(), "JPEG", quality=95, exif=broken)
    assert b"Exif\x00\x00II*" in data
    decoded = decode_image(data)
    assert (decoded.width, decoded.height) == (60, 40)
    assert isinstance(decoded.metadata.exif, dict)
    json.dumps(decoded.metadata.exif)


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow reports the damage
def test_exif_pointing_outside_the_block_does_not_stop_decoding() -> None:
    # IFD0 with one entry whose value offset points far past the end of the EXIF block.
    ifd = b"\x01\x00" + b"\x0f\x01\x02\x00\x00\x01\x00\x00\xff\xff\xff\x7f" + b"\x00\x00\x00\x00"
    broken = b"Exif\x00\x00II*\x00\x08\x00\x00\x00" + ifd
    decoded = decode_image(encode(corner_marked(), "JPEG", exif=broken))
    assert decoded.image.size == (60, 40)


def test_extract_metadata_directly_on_an_open_image() -> None:
    info = PngInfo()
    info.add_text("Software", "NovelAI")
    info.add_text("Title", "x")
    with Image.open(io.BytesIO(encode(corner_marked(), "PNG", pnginfo=info))) as im:
        im.load()
        meta = extract_metadata(im)
    assert meta.text["Software"] == "NovelAI"
    assert not meta.empty


def test_large_comfyui_graph_is_parsed_whole_but_stored_clipped() -> None:
    """ComfyUI graphs pass 64 KiB: the readers get the whole chunk, the stored text is clipped."""
    graph = {
        "1": {"class_type": "CLIPTextEncode", "inputs": {"text": "a lighthouse " + "x" * 70_000}},
        "2": {"class_type": "KSampler", "inputs": {"seed": 7, "steps": 20, "positive": ["1", 0]}},
        "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0]}},
    }
    info = PngInfo()
    info.add_itxt("prompt", json.dumps(graph), zip=True)
    meta = _meta(encode(corner_marked(), "PNG", pnginfo=info))

    assert meta.generation is not None and meta.generation.samplers[0].seed == 7
    assert len(meta.text["prompt"]) == 64 * 1024


def test_legacy_swarmui_json_in_exif_model_tag() -> None:
    """StableSwarmUI before 0.6 stored its JSON in EXIF Model (0x0110) of JPEG files."""
    exif = Image.Exif()
    exif[0x0110] = json.dumps({"sui_image_params": {"prompt": "a fox", "seed": 3, "steps": 20}})
    meta = _meta(encode(corner_marked(), "JPEG", exif=exif))

    assert meta.generation is not None
    assert (meta.generation.generator, meta.generation.prompt, meta.generation.samplers[0].seed) == (
        "swarmui",
        "a fox",
        3,
    )


def test_stealth_payload_is_kept_as_text() -> None:
    from tests.imaging.generation.corpus import stealth_png

    meta = _meta(stealth_png("a cat\nSteps: 20, Sampler: Euler, Seed: 5", mode="alpha"))

    assert meta.text["stealth"] == "a cat\nSteps: 20, Sampler: Euler, Seed: 5"
    assert meta.generation is not None and meta.generation.samplers[0].seed == 5
