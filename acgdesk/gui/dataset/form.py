"""The dataset export options as widgets: four tabs (output, images, captions, selection) that read
and write a :class:`~acgdesk.dataset.options.DatasetOptions`.

Why the form only translates: every rule (what a value may be, which combinations are refused)
lives in the option classes, which also check the CLI's flags and a hand-edited manifest. The form
builds the options and shows the sentence a :class:`DatasetError` carries, so the window, the CLI
and a manifest can never disagree about what is allowed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from acgdesk.dataset.options import (
    CONTENT_RATINGS,
    CaptionSpec,
    DatasetOptions,
    ImageOptions,
    LayoutOptions,
    Selection,
)

FORMAT_NAMES = {
    "kohya": QT_TRANSLATE_NOOP("dataset", "kohya-ss (repeats_concept folders, .txt captions)"),
    "onetrainer": QT_TRANSLATE_NOOP("dataset", "OneTrainer (concept folders, concepts.json)"),
    "hf": QT_TRANSLATE_NOOP("dataset", "Hugging Face image folder (metadata.jsonl)"),
}
RESIZE_NAMES = {
    "keep": QT_TRANSLATE_NOOP("dataset", "Keep the original size"),
    "max_side": QT_TRANSLATE_NOOP("dataset", "Shrink to a longest side"),
    "buckets": QT_TRANSLATE_NOOP("dataset", "Aspect-ratio buckets"),
}
FIT_NAMES = {
    "crop": QT_TRANSLATE_NOOP("dataset", "Crop to the bucket (centre)"),
    "pad": QT_TRANSLATE_NOOP("dataset", "Pad to the bucket"),
}
IMAGE_FORMAT_NAMES = {
    "keep": QT_TRANSLATE_NOOP("dataset", "Keep (PNG, JPEG and WebP stay; others become PNG)"),
    "png": "PNG",
    "jpeg": "JPEG",
    "webp": "WebP",
}
SOURCE_NAMES = {
    "tags": QT_TRANSLATE_NOOP("dataset", "Tags"),
    "prompt": QT_TRANSLATE_NOOP("dataset", "The generation prompt"),
    "prompt_or_tags": QT_TRANSLATE_NOOP("dataset", "The prompt, else tags"),
}
RATING_NAMES = {
    "general": QT_TRANSLATE_NOOP("dataset", "general"),
    "sensitive": QT_TRANSLATE_NOOP("dataset", "sensitive"),
    "questionable": QT_TRANSLATE_NOOP("dataset", "questionable"),
    "explicit": QT_TRANSLATE_NOOP("dataset", "explicit"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("dataset", text)


def _combo(names: dict[str, str], parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    for value, name in names.items():
        box.addItem(tr(name), value)
    return box


def _set_combo(box: QComboBox, value: str) -> None:
    i = box.findData(value)
    if i >= 0:
        box.setCurrentIndex(i)


def _spin(low: int, high: int, value: int, parent: QWidget, suffix: str = "") -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    if suffix:
        box.setSuffix(suffix)
    return box


def _fraction(value: float, parent: QWidget, *, high: float = 1.0, step: float = 0.05) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0.0, high)
    box.setDecimals(2)
    box.setSingleStep(step)
    box.setValue(value)
    return box


def split_list(text: str) -> list[str]:
    return [t.strip() for t in text.replace("\n", ",").split(",") if t.strip()]


def parse_replacements(text: str) -> dict[str, str]:
    """``old=new, old2=`` (an empty new drops the tag); a part without ``=`` is refused."""
    out: dict[str, str] = {}
    for part in split_list(text):
        if "=" not in part:
            raise ValueError(tr("a replacement is old=new, not {part!r}").format(part=part))
        old, new = part.split("=", 1)
        if old.strip():
            out[old.strip()] = new.strip()
    return out


class DatasetForm(QTabWidget):
    """The options; ``changed`` on every edit (the dialog refreshes its preview from it)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datasetForm")
        self.start_dir = ""  # where Choose… opens when the field is empty
        self._build_output()
        self._build_images()
        self._build_captions()
        self._build_selection()
        for w in self.findChildren(QWidget):
            for signal in ("textChanged", "currentIndexChanged", "valueChanged", "toggled"):
                sig = getattr(w, signal, None)
                if sig is not None and not isinstance(w, QPushButton | QTabWidget):
                    sig.connect(self._edited)
        self._edited()

    # -- tabs --------------------------------------------------------------------------------------
    def _build_output(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        row = QHBoxLayout()
        self.folder = QLineEdit(page)
        self.folder.setPlaceholderText(tr("a new or empty folder, or an earlier export to update"))
        self.choose = QPushButton(tr("Choose…"), page)
        self.choose.clicked.connect(self.choose_folder)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form.addRow(tr("Folder"), row)
        self.layout_format = _combo(FORMAT_NAMES, page)
        form.addRow(tr("Layout"), self.layout_format)
        self.concept = QLineEdit(page)
        self.concept.setPlaceholderText(tr('the trigger word, else "dataset"'))
        form.addRow(tr("Concept"), self.concept)
        self.repeats = _spin(1, 10_000, 10, page)
        form.addRow(tr("Repeats"), self.repeats)
        self.validation = _fraction(0.0, page, high=0.95)
        self.validation.setToolTip(tr("The fraction held out for validation (not for kohya's layout)"))
        form.addRow(tr("Validation fraction"), self.validation)
        self.seed = _spin(0, 2**31 - 1, 0, page)
        form.addRow(tr("Split seed"), self.seed)
        self.inside_library = QCheckBox(
            tr("Allow a folder inside the library (its copies get indexed)"), page
        )
        form.addRow("", self.inside_library)
        self.addTab(page, tr("Output"))

    def _build_images(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.resize_mode = _combo(RESIZE_NAMES, page)
        form.addRow(tr("Size"), self.resize_mode)
        self.max_side = _spin(16, 16_384, 1024, page, " px")
        form.addRow(tr("Longest side"), self.max_side)
        self.resolution = _spin(64, 8192, 1024, page, " px")
        self.resolution.setToolTip(tr("Buckets hold about this many pixels squared"))
        form.addRow(tr("Bucket resolution"), self.resolution)
        self.bucket_step = _spin(1, 512, 64, page, " px")
        form.addRow(tr("Bucket step"), self.bucket_step)
        self.fit = _combo(FIT_NAMES, page)
        form.addRow(tr("Fit"), self.fit)
        self.enlarge = QCheckBox(tr("Enlarge small images to their bucket"), page)
        form.addRow("", self.enlarge)
        self.image_format = _combo(IMAGE_FORMAT_NAMES, page)
        form.addRow(tr("Format"), self.image_format)
        self.quality = _spin(1, 100, 95, page)
        self.quality.setToolTip(tr("JPEG and WebP quality; WebP 100 is lossless"))
        form.addRow(tr("Quality"), self.quality)
        self.keep_metadata = QCheckBox(tr("Keep metadata (prompts, EXIF, text chunks)"), page)
        self.keep_metadata.setChecked(True)
        form.addRow("", self.keep_metadata)
        self.flatten = QCheckBox(tr("Flatten transparency"), page)
        form.addRow("", self.flatten)
        self.background = QLineEdit("#ffffff", page)
        self.background.setToolTip(tr("Flatten and pad colour: #rrggbb, white or black"))
        form.addRow(tr("Background"), self.background)
        self.min_side = _spin(0, 16_384, 0, page, " px")
        self.min_side.setSpecialValueText(tr("no minimum"))
        form.addRow(tr("Skip if shorter side under"), self.min_side)
        self.addTab(page, tr("Images"))

    def _build_captions(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.caption_source = _combo(SOURCE_NAMES, page)
        form.addRow(tr("Captions from"), self.caption_source)
        self.trigger = QLineEdit(page)
        self.trigger.setPlaceholderText(tr("first in every caption"))
        form.addRow(tr("Trigger word"), self.trigger)
        self.general_threshold = _fraction(0.35, page)
        form.addRow(tr("General tags from"), self.general_threshold)
        self.character_threshold = _fraction(0.85, page)
        form.addRow(tr("Character tags from"), self.character_threshold)
        self.copyright_threshold = _fraction(0.35, page)
        form.addRow(tr("Series tags from"), self.copyright_threshold)
        self.artist_threshold = _fraction(0.35, page)
        form.addRow(tr("Artist tags from"), self.artist_threshold)
        self.default_threshold = _fraction(0.35, page)
        self.default_threshold.setToolTip(tr("Meta and any other category a tagger has"))
        form.addRow(tr("Other tags from"), self.default_threshold)
        self.character_first = QCheckBox(tr("Characters first"), page)
        self.character_first.setChecked(True)
        self.copyright_first = QCheckBox(tr("Series first"), page)
        self.copyright_first.setChecked(True)
        self.underscores = QCheckBox(tr("Underscores to spaces"), page)
        self.underscores.setChecked(True)
        self.escape = QCheckBox(tr("Escape parentheses"), page)
        self.escape.setChecked(True)
        self.include_rating = QCheckBox(tr("Content rating tag first"), page)
        for box in (self.character_first, self.copyright_first, self.underscores, self.escape):
            form.addRow("", box)
        form.addRow("", self.include_rating)
        self.blacklist = QLineEdit(page)
        self.blacklist.setPlaceholderText(tr("tags or globs, comma-separated: watermark, *_text"))
        form.addRow(tr("Never write"), self.blacklist)
        self.replace = QLineEdit(page)
        self.replace.setPlaceholderText(tr("old=new, comma-separated (new empty: drop)"))
        form.addRow(tr("Replace"), self.replace)
        self.max_tags = _spin(0, 1000, 0, page)
        self.max_tags.setSpecialValueText(tr("no limit"))
        form.addRow(tr("At most tags"), self.max_tags)
        self.addTab(page, tr("Captions"))

    def _build_selection(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.drop_duplicates = QCheckBox(tr("Leave out near-duplicates (keeping each group's keeper)"), page)
        self.drop_duplicates.setChecked(True)
        form.addRow("", self.drop_duplicates)
        row = QHBoxLayout()
        self.ratings: dict[str, QCheckBox] = {}
        for r in CONTENT_RATINGS:
            box = QCheckBox(tr(RATING_NAMES[r]), page)
            box.setChecked(True)
            self.ratings[r] = box
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(tr("Ratings"), row)
        self.min_stars = _spin(0, 5, 0, page)
        self.min_stars.setSpecialValueText(tr("any"))
        form.addRow(tr("At least stars"), self.min_stars)
        self.use_taste = QCheckBox(tr("Only what my taste model likes, from"), page)
        self.min_taste = _fraction(0.5, page)
        taste = QHBoxLayout()
        taste.addWidget(self.use_taste)
        taste.addWidget(self.min_taste)
        taste.addStretch(1)
        form.addRow("", taste)
        self.addTab(page, tr("Selection"))

    # -- behaviour ---------------------------------------------------------------------------------
    def _edited(self, *_: Any) -> None:
        resize = self.resize_mode.currentData()
        self.max_side.setEnabled(resize == "max_side")
        for w in (self.resolution, self.bucket_step, self.fit, self.enlarge):
            w.setEnabled(resize == "buckets")
        fmt = self.image_format.currentData()
        self.quality.setEnabled(fmt in ("jpeg", "webp", "keep"))
        layout = self.layout_format.currentData()
        self.repeats.setEnabled(layout in ("kohya", "onetrainer"))
        self.validation.setEnabled(layout != "kohya")
        self.seed.setEnabled(layout != "kohya")
        self.background.setEnabled(self.flatten.isChecked() or self.fit.currentData() == "pad")
        self.min_taste.setEnabled(self.use_taste.isChecked())
        tags = self.caption_source.currentData() != "prompt"
        for w in (
            self.general_threshold,
            self.character_threshold,
            self.copyright_threshold,
            self.artist_threshold,
            self.default_threshold,
            self.character_first,
            self.copyright_first,
        ):
            w.setEnabled(tags)
        self.changed.emit()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("Export the training set into"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def out_dir(self) -> str:
        return self.folder.text().strip()

    def options(self, *, query: str = "", ids: list[int] | None = None) -> DatasetOptions:
        """The options for ``query`` or ``ids``; raises DatasetError (or ValueError) with the reason."""
        ratings = [r for r, box in self.ratings.items() if box.isChecked()]
        if not ratings:
            raise ValueError(tr("choose at least one content rating"))
        selection = Selection(
            query=query,
            ids=ids,
            drop_duplicates=self.drop_duplicates.isChecked(),
            ratings=[] if len(ratings) == len(CONTENT_RATINGS) else ratings,
            min_stars=self.min_stars.value(),
            min_taste=self.min_taste.value() if self.use_taste.isChecked() else None,
        )
        images = ImageOptions(
            resize=self.resize_mode.currentData(),
            max_side=self.max_side.value(),
            resolution=self.resolution.value(),
            bucket_step=self.bucket_step.value(),
            fit=self.fit.currentData(),
            enlarge=self.enlarge.isChecked(),
            format=self.image_format.currentData(),
            quality=self.quality.value(),
            keep_metadata=self.keep_metadata.isChecked(),
            flatten=self.flatten.isChecked(),
            background=self.background.text().strip() or "#ffffff",
            min_side=self.min_side.value(),
        )
        captions = CaptionSpec(
            source=self.caption_source.currentData(),
            trigger=self.trigger.text().strip(),
            thresholds={
                "general": self.general_threshold.value(),
                "character": self.character_threshold.value(),
                "copyright": self.copyright_threshold.value(),
                "artist": self.artist_threshold.value(),
            },
            default_threshold=self.default_threshold.value(),
            character_first=self.character_first.isChecked(),
            copyright_first=self.copyright_first.isChecked(),
            underscores_to_spaces=self.underscores.isChecked(),
            escape_parentheses=self.escape.isChecked(),
            blacklist=split_list(self.blacklist.text()),
            replace=parse_replacements(self.replace.text()),
            max_tags=self.max_tags.value(),
            include_rating=self.include_rating.isChecked(),
        )
        layout_format = self.layout_format.currentData()
        layout = LayoutOptions(
            format=layout_format,
            repeats=self.repeats.value(),
            concept=self.concept.text().strip(),
            validation=0.0 if layout_format == "kohya" else self.validation.value(),
            seed=self.seed.value(),
        )
        return DatasetOptions(selection=selection, images=images, captions=captions, layout=layout)

    def set_options(self, options: DatasetOptions) -> None:
        """Fill the form (the last export's options; the selection's query and ids are not used)."""
        s, i, c, lay = options.selection, options.images, options.captions, options.layout
        self.drop_duplicates.setChecked(s.drop_duplicates)
        for r, box in self.ratings.items():
            box.setChecked(not s.ratings or r in s.ratings)
        self.min_stars.setValue(s.min_stars)
        self.use_taste.setChecked(s.min_taste is not None)
        if s.min_taste is not None:
            self.min_taste.setValue(s.min_taste)
        _set_combo(self.resize_mode, i.resize)
        self.max_side.setValue(i.max_side)
        self.resolution.setValue(i.resolution)
        self.bucket_step.setValue(i.bucket_step)
        _set_combo(self.fit, i.fit)
        self.enlarge.setChecked(i.enlarge)
        _set_combo(self.image_format, i.format)
        self.quality.setValue(i.quality)
        self.keep_metadata.setChecked(i.keep_metadata)
        self.flatten.setChecked(i.flatten)
        self.background.setText(i.background)
        self.min_side.setValue(i.min_side)
        _set_combo(self.caption_source, c.source)
        self.trigger.setText(c.trigger)
        self.general_threshold.setValue(c.thresholds.get("general", c.default_threshold))
        self.character_threshold.setValue(c.thresholds.get("character", 0.85))
        self.copyright_threshold.setValue(c.thresholds.get("copyright", c.default_threshold))
        self.artist_threshold.setValue(c.thresholds.get("artist", c.default_threshold))
        self.default_threshold.setValue(c.default_threshold)
        self.character_first.setChecked(c.character_first)
        self.copyright_first.setChecked(c.copyright_first)
        self.underscores.setChecked(c.underscores_to_spaces)
        self.escape.setChecked(c.escape_parentheses)
        self.include_rating.setChecked(c.include_rating)
        self.blacklist.setText(", ".join(c.blacklist))
        self.replace.setText(", ".join(f"{k}={v}" for k, v in c.replace.items()))
        self.max_tags.setValue(c.max_tags)
        _set_combo(self.layout_format, lay.format)
        self.repeats.setValue(lay.repeats)
        self.concept.setText(lay.concept)
        self.validation.setValue(lay.validation)
        self.seed.setValue(lay.seed)
