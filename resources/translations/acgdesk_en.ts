<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>DuplicatesDialog</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Keep {keeper} and move these %Ln file(s) to the trash?

{files}</source>
            <translation>
                <numerusform>Keep {keeper} and move %Ln file to the trash?

{files}</numerusform>
                <numerusform>Keep {keeper} and move these %Ln files to the trash?

{files}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>%Ln file(s) moved to the trash</source>
            <translation>
                <numerusform>%Ln file moved to the trash</numerusform>
                <numerusform>%Ln files moved to the trash</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln{more} images…</source>
            <translation>
                <numerusform>%Ln{more} image…</numerusform>
                <numerusform>%Ln{more} images…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln images</source>
            <translation>
                <numerusform>%Ln image</numerusform>
                <numerusform>%Ln images</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MarksBar</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>%n star(s) (key {key}); click again for none</source>
            <translation>
                <numerusform>%n star (key {key}); click again for none</numerusform>
                <numerusform>%n stars (key {key}); click again for none</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UpscaleDialog</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale %n image(s)</source>
            <translation>
                <numerusform>Upscale %n image</numerusform>
                <numerusform>Upscale %n images</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>core_errors</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown {part} option(s): {names}</source>
            <translation>
                <numerusform>unknown {part} option: {names}</numerusform>
                <numerusform>unknown {part} options: {names}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>an album name may have at most {max} characters</source>
            <translation>
                <numerusform>an album name may have at most {max} character</numerusform>
                <numerusform>an album name may have at most {max} characters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} is {size} bytes, its manifest says {expected}</source>
            <translation>
                <numerusform>{path} is {size} byte, its manifest says {expected}</numerusform>
                <numerusform>{path} is {size} bytes, its manifest says {expected}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>curation</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>%Ln sidecar(s) written, {old} already there, {none} without tags, {bad} failed</source>
            <translation>
                <numerusform>%Ln sidecar written, {old} already there, {none} without tags, {bad} failed</numerusform>
                <numerusform>%Ln sidecars written, {old} already there, {none} without tags, {bad} failed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>dataset</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>&lt;b&gt;%Ln image(s)&lt;/b&gt; will be in the set</source>
            <translation>
                <numerusform>&lt;b&gt;%Ln image&lt;/b&gt; will be in the set</numerusform>
                <numerusform>&lt;b&gt;%Ln images&lt;/b&gt; will be in the set</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>Training set: %Ln image(s) in {dir}</source>
            <translation>
                <numerusform>Training set: %Ln image in {dir}</numerusform>
                <numerusform>Training set: %Ln images in {dir}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>history_labels</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>%n star(s)</source>
            <translation>
                <numerusform>%n star</numerusform>
                <numerusform>%n stars</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>tags {changes}: %n file(s)</source>
            <translation>
                <numerusform>tags {changes}: %n file</numerusform>
                <numerusform>tags {changes}: %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>added %n file(s) to '{name}'</source>
            <translation>
                <numerusform>added %n file to '{name}'</numerusform>
                <numerusform>added %n files to '{name}'</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>removed %n file(s) from '{name}'</source>
            <translation>
                <numerusform>removed %n file from '{name}'</numerusform>
                <numerusform>removed %n files from '{name}'</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to {dest}</source>
            <translation>
                <numerusform>moved %n file to {dest}</numerusform>
                <numerusform>moved %n files to {dest}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>copied %n file(s) to {dest}</source>
            <translation>
                <numerusform>copied %n file to {dest}</numerusform>
                <numerusform>copied %n files to {dest}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to the trash</source>
            <translation>
                <numerusform>moved %n file to the trash</numerusform>
                <numerusform>moved %n files to the trash</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what}: %n file(s)</source>
            <translation>
                <numerusform>{what}: %n file</numerusform>
                <numerusform>{what}: %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what} (%n failed: {error})</source>
            <translation>
                <numerusform>{what} (%n failed: {error})</numerusform>
                <numerusform>{what} (%n failed: {error})</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>jobs</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Indexing %n folder(s)</source>
            <translation>
                <numerusform>Indexing %n folder</numerusform>
                <numerusform>Indexing %n folders</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/watching.py" />
            <source>Watching %n folder(s)</source>
            <translation>
                <numerusform>Watching %n folder</numerusform>
                <numerusform>Watching %n folders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>transfer</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>{verb} %Ln file(s) to {dest}?</source>
            <translation>
                <numerusform>{verb} %Ln file to {dest}?</numerusform>
                <numerusform>{verb} %Ln files to {dest}?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move %Ln file(s) to the trash?
They can be restored from the trash, or with Ctrl+Z.</source>
            <translation>
                <numerusform>Move %Ln file to the trash?
They can be restored from the trash, or with Ctrl+Z.</numerusform>
                <numerusform>Move %Ln files to the trash?
They can be restored from the trash, or with Ctrl+Z.</numerusform>
            </translation>
        </message>
    </context>
</TS>
