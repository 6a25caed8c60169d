<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en_US">
    <context>
        <name>AlbumsPanel</name>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>learnt from {liked} liked, {disliked} disliked images</source>
            <translation>已從 {liked} 張喜歡、{disliked} 張不喜歡的圖片中學習</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>held-out AUC {auc}</source>
            <translation>保留集 AUC {auc}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>{n} images scored</source>
            <translation>已為 {n} 張圖片評分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Albums</source>
            <translation>相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album, smart album or group</source>
            <translation>新增相簿、智慧相簿或分組</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>What I'd like</source>
            <translation>猜你喜歡</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Album: drag images here to add them</source>
            <translation>相簿：把圖片拖到這裡即可加入</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Smart album: {q}</source>
            <translation>智慧相簿：{q}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Group of albums</source>
            <translation>相簿分組</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Images you have not marked yet, most like the ones you liked first</source>
            <translation>你尚未標記的圖片，與你喜歡的最相似的排在前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Right-click: learn again</source>
            <translation>右鍵：重新學習</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album</source>
            <translation>新增相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the new album:</source>
            <translation>新相簿的名稱：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Search for something first: a smart album keeps a search</source>
            <translation>請先搜尋：智慧相簿儲存的是一次搜尋</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New smart album</source>
            <translation>新增智慧相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the smart album for
{q}:</source>
            <translation>智慧相簿的名稱，對應搜尋
{q}：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New group</source>
            <translation>新增分組</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the new group:</source>
            <translation>新分組的名稱：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Rename</source>
            <translation>重新命名</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New name for {n}:</source>
            <translation>{n} 的新名稱：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album…</source>
            <translation>新增相簿…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New smart album from the current search…</source>
            <translation>用目前搜尋新增智慧相簿…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New group…</source>
            <translation>新增分組…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Show</source>
            <translation>顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Learn my taste again</source>
            <translation>重新學習我的喜好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Rename…</source>
            <translation>重新命名…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Use the current search as its query</source>
            <translation>使用目前搜尋作為查詢</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Move into group</source>
            <translation>移入分組</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>(top level)</source>
            <translation>（頂層）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Delete</source>
            <translation>刪除</translation>
        </message>
    </context>
    <context>
        <name>Caption</name>
        <message>
            <location filename="../../acgdesk/gui/view/compare_pane.py" />
            <source>★ keep</source>
            <translation>★ 保留</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_pane.py" />
            <source>Keep this one</source>
            <translation>保留這張</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscaled: {name}</source>
            <translation>已放大：{name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Loading…</source>
            <translation>載入中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Cannot show this image</source>
            <translation>無法顯示這張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Compare {n} images</source>
            <translation>對比 {n} 張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Fit</source>
            <translation>適應</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Fit every image in its pane (F)</source>
            <translation>每張圖片適應其窗格 (F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>100 %</source>
            <translation>100 %</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>The active image pixel for pixel (Z)</source>
            <translation>目前圖片按原始像素顯示 (Z)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Zoom out (−)</source>
            <translation>縮小 (−)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Zoom in (+)</source>
            <translation>放大 (+)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Side by side</source>
            <translation>並排</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Every image in its own pane (S)</source>
            <translation>每張圖片各佔一個窗格 (S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Swipe</source>
            <translation>滑動對比</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Two images under one divider: drag it to reveal one over the other (S)</source>
            <translation>兩張圖片共用一條分隔線：拖動它來顯示其中一張 (S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Swipe compares exactly two images</source>
            <translation>滑動對比只能用於恰好兩張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Wheel: zoom · drag: pan · 1–{n}: choose an image · Esc: close</source>
            <translation>滾輪：縮放 · 拖動：平移 · 1–{n}：選擇圖片 · Esc：關閉</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Could not read these files: {e}</source>
            <translation>無法讀取這些檔案：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Cannot show this image: {e}</source>
            <translation>無法顯示這張圖片：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>no pixels</source>
            <translation>無像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>fit, {p}</source>
            <translation>適應，{p}</translation>
        </message>
    </context>
    <context>
        <name>ConfidenceBar</name>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>set by you</source>
            <translation>由你設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>confidence {p:.2f}, shown from {t:.2f}</source>
            <translation>信賴度 {p:.2f}，從 {t:.2f} 起顯示</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Show in file manager</source>
            <translation>在檔案總管中顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Copy path</source>
            <translation>複製路徑</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Find similar</source>
            <translation>尋找相似圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Upscale…</source>
            <translation>放大…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Add tags (comma separated) and press Enter</source>
            <translation>新增標籤（以逗號分隔）後按 Enter</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Select an image</source>
            <translation>請選擇一張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Could not read this file's details: {e}</source>
            <translation>無法讀取此檔案的詳細資訊：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Loading…</source>
            <translation>載入中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>No preview</source>
            <translation>無預覽</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Blurred for its rating: click to show it</source>
            <translation>因分級已模糊：點選顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Scores</source>
            <translation>評分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>{kind} from {model}</source>
            <translation>{kind}，來自 {model}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Generation</source>
            <translation>生成資訊</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Generator</source>
            <translation>生成工具</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Negative</source>
            <translation>負面提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>File</source>
            <translation>檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Path</source>
            <translation>路徑</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Pixels</source>
            <translation>像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Frames</source>
            <translation>幀數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Status</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Error</source>
            <translation>錯誤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>EXIF</source>
            <translation>EXIF</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>{n} fields</source>
            <translation>{n} 個欄位</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Indexed</source>
            <translation>已索引</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Tags</source>
            <translation>標籤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>No tags yet. Add your own above, or run a tagger.</source>
            <translation>還沒有標籤。可在上方自行新增，或執行標記模型。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>shown from {t}</source>
            <translation>從 {t} 起顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>you</source>
            <translation>你</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Remove this tag</source>
            <translation>移除此標籤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Could not change the tags: {e}</source>
            <translation>無法修改標籤：{e}</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Duplicates</source>
            <translation>重複圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Move the others to the trash…</source>
            <translation>將其餘的移到資源回收筒…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Compare…</source>
            <translation>對比…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Looking for duplicates…</source>
            <translation>正在尋找重複圖片…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Could not look for duplicates: {e}</source>
            <translation>無法尋找重複圖片：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>exact copies</source>
            <translation>完全相同的副本</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>near copies</source>
            <translation>近似副本</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>{n} groups; {size} in the copies that are not suggested keepers</source>
            <translation>{n} 組；非建議保留的副本共佔 {size}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source> (you chose another keeper)</source>
            <translation>（你選擇了另一張保留）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Suggested keeper: </source>
            <translation>建議保留：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>No preview</source>
            <translation>無預覽</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Keep {keeper} and move these %Ln file(s) to the trash?

{files}</source>
            <translation>
                <numerusform>保留 {keeper}，並將這 %Ln 個檔案移到資源回收筒？

{files}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Move to trash</source>
            <translation>移到資源回收筒</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>%Ln file(s) moved to the trash</source>
            <translation>
                <numerusform>已將 %Ln 個檔案移到資源回收筒</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>not moved: </source>
            <translation>未移動：</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>no program given</source>
            <translation>未指定程式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>No application opens {name}</source>
            <translation>沒有可以開啟 {name} 的應用程式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Cannot run {c}: {e}</source>
            <translation>無法執行 {c}：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Could not start {program}</source>
            <translation>無法啟動 {program}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Could not copy the image: {e}</source>
            <translation>無法複製圖片：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with default application</source>
            <translation>用預設應用程式開啟</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with…</source>
            <translation>開啟方式…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Copy image</source>
            <translation>複製圖片</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Export sidecars</source>
            <translation>匯出附屬檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Caption files (.txt): the tags, for training</source>
            <translation>標註檔案 (.txt)：標籤，用於訓練</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>XMP sidecars (.xmp): tags as keywords, stars as rating</source>
            <translation>XMP 附屬檔案 (.xmp)：標籤作為關鍵字，星級作為評級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Beside each image</source>
            <translation>放在每張圖片旁邊</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Into a folder…</source>
            <translation>匯出到資料夾…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Sidecars for {what}; existing ones are not replaced.</source>
            <translation>{what}的附屬檔案；已有的不會被替換。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Export sidecars into</source>
            <translation>將附屬檔案匯出到</translation>
        </message>
    </context>
    <context>
        <name>FacetsPanel</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>LoRAs</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Samplers</source>
            <translation>取樣器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Generators</source>
            <translation>生成工具</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>&lt;b&gt;Made with&lt;/b&gt;</source>
            <translation>&lt;b&gt;生成來源&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Stats…</source>
            <translation>統計…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Prompt words and LoRAs used most (selection, else results)</source>
            <translation>最常用的提示詞和 LoRA（選取的圖片，否則為搜尋結果）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Export…</source>
            <translation>匯出…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Save the prompts of the selection (else the results) to a file</source>
            <translation>將選取圖片（否則為搜尋結果）的提示詞儲存到檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>No generation data in these results.</source>
            <translation>這些結果中沒有生成資訊。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Click to search {term}</source>
            <translation>點選以搜尋 {term}</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Best match, then newest</source>
            <translation>最佳匹配，然後最新</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Newest first</source>
            <translation>最新優先</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Oldest first</source>
            <translation>最舊優先</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Name</source>
            <translation>名稱</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Largest files</source>
            <translation>最大的檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Highest score</source>
            <translation>最高分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Random</source>
            <translation>隨機</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Any rating</source>
            <translation>任意分級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>General</source>
            <translation>全年齡</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>General + sensitive</source>
            <translation>全年齡 + 敏感</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Questionable + explicit</source>
            <translation>存疑 + 露骨</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Explicit</source>
            <translation>露骨</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Thumbnail size (Ctrl + wheel on the grid)</source>
            <translation>縮圖大小（在網格上按 Ctrl + 滾輪）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Squares</source>
            <translation>方格</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Square cells, every image fitted inside one</source>
            <translation>方形格子，每張圖片縮放到格子內</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Justified</source>
            <translation>等高排列</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Rows of equal height, each image at its own shape</source>
            <translation>每行等高，每張圖片保持原始比例</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Sort</source>
            <translation>排序</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Score</source>
            <translation>評分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Welcome to acgdesk</source>
            <translation>歡迎使用 acgdesk</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>acgdesk manages your art folders in place: it never moves, copies or changes an image.
Choose the folders to manage; they are indexed in the background and watched for changes.</source>
            <translation>acgdesk 就地管理你的圖片資料夾：從不移動、複製或修改任何圖片。
請選擇要管理的資料夾；它們會在背景建立索引，並監視其變化。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Add folder…</source>
            <translation>新增資料夾…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Looking at the models…</source>
            <translation>正在檢視模型…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>&lt;b&gt;Folders&lt;/b&gt;</source>
            <translation>&lt;b&gt;資料夾&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>&lt;b&gt;Models&lt;/b&gt; (offline ones work now; tick downloads you want)</source>
            <translation>&lt;b&gt;模型&lt;/b&gt;（離線模型現在即可使用；勾選想要下載的模型）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>{path}  — in the library, {n} images</source>
            <translation>{path}  — 已在圖庫中，{n} 張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>[offline]</source>
            <translation>[離線]</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Already managed by this library; it is kept up to date.</source>
            <translation>已由此圖庫管理，並會保持更新。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>A folder of images</source>
            <translation>一個圖片資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>✓ {name} — ready (offline)</source>
            <translation>✓ {name} — 已就緒（離線）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>✗ {name} — its Python package is missing</source>
            <translation>✗ {name} — 缺少它的 Python 套件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Download {name}{size}</source>
            <translation>下載 {name}{size}</translation>
        </message>
    </context>
    <context>
        <name>GenerationDiffPanel</name>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Reading the generation parameters…</source>
            <translation>正在讀取生成參數…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Generator</source>
            <translation>生成工具</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Sampler</source>
            <translation>取樣器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Scheduler</source>
            <translation>排程器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Steps</source>
            <translation>步數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>CFG scale</source>
            <translation>CFG 係數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Seed</source>
            <translation>種子</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Denoising strength</source>
            <translation>重繪幅度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Clip skip</source>
            <translation>Clip 跳過層數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>LoRAs</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>VAE</source>
            <translation>VAE</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>{b} against {a}</source>
            <translation>{b} 對比 {a}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Image 1 has no generation parameters.</source>
            <translation>圖片 1 沒有生成參數。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Image {n} has no generation parameters.</source>
            <translation>圖片 {n} 沒有生成參數。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Neither image has generation parameters.</source>
            <translation>兩張圖片都沒有生成參數。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Negative prompt</source>
            <translation>負面提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>none in either</source>
            <translation>兩邊都沒有</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>the same {n} words</source>
            <translation>相同的 {n} 個詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>in both ({n})</source>
            <translation>兩邊都有（{n}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>not recorded</source>
            <translation>未記錄</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>same: {f}</source>
            <translation>相同：{f}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>no settings recorded</source>
            <translation>沒有記錄設定</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>History</source>
            <translation>歷史記錄</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Newest first. Greyed entries were undone: Redo does them again.</source>
            <translation>最新的在前。灰色條目已被復原：重做會再次執行它們。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo</source>
            <translation>復原</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undone</source>
            <translation>已復原</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Nothing done yet</source>
            <translation>尚未進行任何操作</translation>
        </message>
    </context>
    <context>
        <name>ImageCanvas</name>
        <message>
            <location filename="../../acgdesk/gui/view/canvas.py" />
            <source>This picture cannot be shown.
{reason}</source>
            <translation>無法顯示這張圖片。
{reason}</translation>
        </message>
    </context>
    <context>
        <name>InfoOverlay</name>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>{n} frames</source>
            <translation>{n} 幀</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Rating</source>
            <translation>分級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Scores</source>
            <translation>評分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Negative</source>
            <translation>負面提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Error</source>
            <translation>錯誤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>No information: {e}</source>
            <translation>沒有資訊：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>not in the library</source>
            <translation>不在圖庫中</translation>
        </message>
    </context>
    <context>
        <name>Job</name>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
    </context>
    <context>
        <name>JobRow</name>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>ranked by {method}</source>
            <translation>依{method}排序</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>, best {n} of {total}</source>
            <translation>，{total} 個中最佳的 {n} 個</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Jobs</source>
            <translation>工作</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Main</source>
            <translation>主工具列</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Add folder…</source>
            <translation>新增資料夾…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Update library</source>
            <translation>更新圖庫</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Duplicates…</source>
            <translation>重複圖片…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Models…</source>
            <translation>模型…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Settings…</source>
            <translation>設定…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Search</source>
            <translation>搜尋</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Find similar to the clipboard image</source>
            <translation>尋找與剪貼簿圖片相似的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Compare</source>
            <translation>對比</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln{more} images…</source>
            <translation>
                <numerusform>%Ln{more} 張圖片…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln images</source>
            <translation>
                <numerusform>%Ln 張圖片</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Search failed: {e}</source>
            <translation>搜尋失敗：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Select two to four images to compare</source>
            <translation>請選擇兩到四張圖片進行對比</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Find similar</source>
            <translation>尋找相似圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Upscale…</source>
            <translation>放大…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Show in file manager</source>
            <translation>在檔案總管中顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Copy path</source>
            <translation>複製路徑</translation>
        </message>
    </context>
    <context>
        <name>MarksBar</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>%n star(s) (key {key}); click again for none</source>
            <translation>
                <numerusform>%n 星（按鍵 {key}）；再次點選取消</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>Favourite (F)</source>
            <translation>收藏 (F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>Pick (P)</source>
            <translation>留用 (P)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>Reject (X)</source>
            <translation>排除 (X)</translation>
        </message>
    </context>
    <context>
        <name>MemberCard</name>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Loading…</source>
            <translation>載入中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>★ keep</source>
            <translation>★ 保留</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>to trash</source>
            <translation>移到資源回收筒</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Keep this one</source>
            <translation>保留這張</translation>
        </message>
    </context>
    <context>
        <name>ModelsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Use</source>
            <translation>使用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Task</source>
            <translation>工作</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Good at</source>
            <translation>擅長</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>State</source>
            <translation>狀態</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Licence</source>
            <translation>授權</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Install</source>
            <translation>安裝</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Import from folder…</source>
            <translation>從資料夾匯入…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Use checked models when indexing</source>
            <translation>索引時使用勾選的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Find on disk</source>
            <translation>在磁碟上尋找</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Use models already in the Hugging Face cache, ComfyUI or WebUI folders (linked, not copied)</source>
            <translation>使用 Hugging Face 快取、ComfyUI 或 WebUI 資料夾中已有的模型（連結，不複製）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>https://huggingface.co (or a mirror; HF_ENDPOINT overrides)</source>
            <translation>https://huggingface.co（或鏡像；HF_ENDPOINT 優先）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Hub endpoint:</source>
            <translation>Hub 位址：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Checking runtimes and devices…</source>
            <translation>正在檢查執行環境和裝置…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Catalogue</source>
            <translation>模型目錄</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Devices (doctor)</source>
            <translation>裝置（診斷）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>{state} (pip)</source>
            <translation>{state}（pip）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>{speed}: {meaning}</source>
            <translation>{speed}：{meaning}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Good at: {what}</source>
            <translation>擅長：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Folder with the model's files</source>
            <translation>包含模型檔案的資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Looking for models on disk…</source>
            <translation>正在磁碟上尋找模型…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Indexing will run: {ids}</source>
            <translation>索引時將執行：{ids}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Doctor failed: {e}</source>
            <translation>診斷失敗：{e}</translation>
        </message>
    </context>
    <context>
        <name>OpenWithDialog</name>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with</source>
            <translation>開啟方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>a program, e.g. gimp, or krita --nosplash {file}</source>
            <translation>一個程式，例如 gimp，或 krita --nosplash {file}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Browse…</source>
            <translation>瀏覽…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>{file} in the command stands for the picture; without it the picture is added at the end.</source>
            <translation>命令中的 {file} 代表圖片；如果沒有它，圖片會加在末尾。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open {name} with:</source>
            <translation>用以下程式開啟 {name}：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Choose a program</source>
            <translation>選擇程式</translation>
        </message>
    </context>
    <context>
        <name>PictureLoader</name>
        <message>
            <location filename="../../acgdesk/gui/view/image_source.py" />
            <source>not enough memory to decode this picture</source>
            <translation>記憶體不足，無法解碼這張圖片</translation>
        </message>
    </context>
    <context>
        <name>PromptBar</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the prompt</source>
            <translation>複製提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Negative</source>
            <translation>負面提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the negative prompt</source>
            <translation>複製負面提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>A1111</source>
            <translation>A1111</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the parameters as Stable Diffusion WebUI writes them</source>
            <translation>按 Stable Diffusion WebUI 的格式複製參數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Find</source>
            <translation>尋找</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Search for images made with the same…</source>
            <translation>搜尋用相同…生成的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same prompt</source>
            <translation>相同提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same seed</source>
            <translation>相同種子</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same model</source>
            <translation>相同模型</translation>
        </message>
    </context>
    <context>
        <name>PromptStatsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Prompt statistics</source>
            <translation>提示詞統計</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Counting the prompts of {scope}…</source>
            <translation>正在統計{scope}的提示詞…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Word</source>
            <translation>詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Images</source>
            <translation>圖片數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>LoRA</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Mean weight</source>
            <translation>平均權重</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Prompt words</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Negative words</source>
            <translation>負面提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>LoRAs</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Copy as text</source>
            <translation>複製為文字</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Could not count the prompts: {e}</source>
            <translation>無法統計提示詞：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>{scope}: {n} images with generation data, {p} with a prompt.</source>
            <translation>{scope}：{n} 張圖片有生成資訊，其中 {p} 張有提示詞。</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <location filename="../../acgdesk/gui/search_bar.py" />
            <source>Search: tags, rating:safe, score:&gt;0.7, width:&gt;=2000, sort:date, free words…</source>
            <translation>搜尋：標籤、rating:safe、score:&gt;0.7、width:&gt;=2000、sort:date、自由文字…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/search_bar.py" />
            <source>Column {col}: {message}</source>
            <translation>第 {col} 欄：{message}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/i18n.py" />
            <source>System</source>
            <translation>跟隨系統</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Never</source>
            <translation>從不</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Sensitive, questionable and explicit</source>
            <translation>敏感、存疑和露骨</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Questionable and explicit</source>
            <translation>存疑和露骨</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Explicit only</source>
            <translation>僅露骨</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Squares</source>
            <translation>方格</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Justified rows</source>
            <translation>等高排列</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Show {k} tags from</source>
            <translation>顯示 {k} 標籤的閾值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Device for models</source>
            <translation>模型執行裝置</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Run the chosen models while indexing</source>
            <translation>索引時執行所選模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Thumbnail size</source>
            <translation>縮圖大小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Grid layout</source>
            <translation>網格版面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Blurred images are shown when clicked, until the next search</source>
            <translation>模糊的圖片在點選後顯示，直到下一次搜尋</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Blur images rated</source>
            <translation>模糊分級為以下及以上的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>After a mark key (0-5, F, P, X), go to the next image</source>
            <translation>按下標記鍵（0-5、F、P、X）後，跳到下一張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>light</source>
            <translation>淺色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Theme</source>
            <translation>主題</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Language (after restart)</source>
            <translation>語言（重啟後生效）</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Add folder…</source>
            <translation>新增資料夾…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>All images  ({n})</source>
            <translation>全部圖片  （{n}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>[offline]</source>
            <translation>[離線]</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>{path}
{ok} images, {failed} unreadable, last scan {scan}</source>
            <translation>{path}
{ok} 張圖片，{failed} 張無法讀取，上次掃描 {scan}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>never</source>
            <translation>從未</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Offline: the folder was not found; its files are kept.</source>
            <translation>離線：找不到該資料夾；其中檔案的資訊會保留。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>{path}
{n} images here and in its sub-folders</source>
            <translation>{path}
此資料夾及其子資料夾中共 {n} 張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Add a folder to the library</source>
            <translation>向圖庫新增資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Remove folder</source>
            <translation>移除資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Stop managing {path}?

The images stay on disk untouched; only what acgdesk learnt about them (tags, scores) is forgotten.</source>
            <translation>停止管理 {path}？

圖片會原封不動地留在磁碟上；只會忘記 acgdesk 對它們了解的資訊（標籤、評分）。</translation>
        </message>
    </context>
    <context>
        <name>SimilarAndUpscale</name>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>Looking for images similar to {s}…</source>
            <translation>正在尋找與 {s} 相似的圖片…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>Drop an image file or the image itself; acgdesk does not download {u}</source>
            <translation>請拖入圖片檔案或圖片本身；acgdesk 不會下載 {u}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>The clipboard holds no image</source>
            <translation>剪貼簿中沒有圖片</translation>
        </message>
    </context>
    <context>
        <name>Slideshow</name>
        <message>
            <location filename="../../acgdesk/gui/view/slideshow.py" />
            <source>slideshow every {s} s</source>
            <translation>投影片每 {s} 秒</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/slideshow.py" />
            <source>, shuffled</source>
            <translation>，隨機順序</translation>
        </message>
    </context>
    <context>
        <name>TagsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Edit tags</source>
            <translation>編輯標籤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>tags to add, comma separated</source>
            <translation>要新增的標籤，以逗號分隔</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>tags to remove, comma separated</source>
            <translation>要移除的標籤，以逗號分隔</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Add</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Tags of {what}. A removed model tag stays rejected; Ctrl+Z undoes.</source>
            <translation>{what}的標籤。被移除的模型標籤會一直保持移除；Ctrl+Z 可復原。</translation>
        </message>
    </context>
    <context>
        <name>ThumbDelegate</name>
        <message>
            <location filename="../../acgdesk/gui/delegate.py" />
            <source>sensitive</source>
            <translation>敏感</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/delegate.py" />
            <source>questionable</source>
            <translation>存疑</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/delegate.py" />
            <source>explicit</source>
            <translation>露骨</translation>
        </message>
    </context>
    <context>
        <name>UndoActions</name>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo</source>
            <translation>復原</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>History…</source>
            <translation>歷史記錄…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo {what}</source>
            <translation>復原{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo {what}</source>
            <translation>重做{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Could not redo: {e}</source>
            <translation>無法重做：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Could not undo: {e}</source>
            <translation>無法復原：{e}</translation>
        </message>
    </context>
    <context>
        <name>UpscaleDialog</name>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Conservative</source>
            <translation>保守</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>None</source>
            <translation>無</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Light</source>
            <translation>輕度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Medium</source>
            <translation>中度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Strong</source>
            <translation>強力</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale %n image(s)</source>
            <translation>
                <numerusform>放大 %n 張圖片</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Model (Real-CUGAN)</source>
            <translation>模型（Real-CUGAN）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Scale</source>
            <translation>倍率</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Denoise</source>
            <translation>降噪</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>A new file is written next to each original; originals are never changed.</source>
            <translation>每張原圖旁邊會寫入一個新檔案；原圖絕不會被修改。</translation>
        </message>
    </context>
    <context>
        <name>Viewer</name>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>Loading…</source>
            <translation>載入中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>paused (K)</source>
            <translation>已暫停 (K)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>frame {i} / {n}</source>
            <translation>第 {i} / {n} 幀</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Copied the image</source>
            <translation>已複製圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Blurred for its content rating: click to show</source>
            <translation>因內容分級已模糊：點選顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Slideshow</source>
            <translation>投影片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Seconds per picture:</source>
            <translation>每張圖片的秒數：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>View</source>
            <translation>檢視</translation>
        </message>
    </context>
    <context>
        <name>ViewerMenu</name>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Next</source>
            <translation>下一張</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Previous</source>
            <translation>上一張</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Fit to window</source>
            <translation>適應視窗</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Actual size (100 %)</source>
            <translation>實際大小 (100 %)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Rotate clockwise</source>
            <translation>順時針旋轉</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Rotate anticlockwise</source>
            <translation>逆時針旋轉</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Full screen</source>
            <translation>全螢幕</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Information</source>
            <translation>資訊</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Play animation</source>
            <translation>播放動畫</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Pause animation</source>
            <translation>暫停動畫</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Stars</source>
            <translation>星級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>No stars</source>
            <translation>無星級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Pick</source>
            <translation>留用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Reject</source>
            <translation>排除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Undo</source>
            <translation>復原</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Stop slideshow</source>
            <translation>停止投影片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Start slideshow</source>
            <translation>開始投影片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Shuffle</source>
            <translation>隨機播放</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Slideshow interval…</source>
            <translation>投影片間隔…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Back to the grid</source>
            <translation>返回網格</translation>
        </message>
    </context>
    <context>
        <name>WrapLabel</name>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>Copy</source>
            <translation>複製</translation>
        </message>
    </context>
    <context>
        <name>batch</name>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{n} selected</source>
            <translation>已選 {n} 張</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>1 image</source>
            <translation>1 張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>all {n} results</source>
            <translation>全部 {n} 個結果</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Stars</source>
            <translation>星級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Not a favourite</source>
            <translation>取消收藏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Flag</source>
            <translation>旗標</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Pick</source>
            <translation>留用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Reject</source>
            <translation>排除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>No flag</source>
            <translation>無旗標</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Edit tags…</source>
            <translation>編輯標籤…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Add to album</source>
            <translation>新增到相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>New album…</source>
            <translation>新增相簿…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Remove from album</source>
            <translation>從相簿移除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Export sidecars…</source>
            <translation>匯出附屬檔案…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copy to folder…</source>
            <translation>複製到資料夾…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to folder…</source>
            <translation>移動到資料夾…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to trash…</source>
            <translation>移到資源回收筒…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Export training set…</source>
            <translation>匯出訓練集…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Not available in this version of the library core</source>
            <translation>此版本的圖庫核心不支援此功能</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Nothing selected</source>
            <translation>未選擇任何內容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Apply to {what}</source>
            <translation>應用於{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>New album</source>
            <translation>新增相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Name of the album for {what}:</source>
            <translation>{what}的相簿名稱：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>writing sidecars</source>
            <translation>正在寫入附屬檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Exporting sidecars for {what}</source>
            <translation>正在匯出{what}的附屬檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving and copying files needs a newer library core</source>
            <translation>移動和複製檔案需要更新版本的圖庫核心</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to folder</source>
            <translation>移動到資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copy to folder</source>
            <translation>複製到資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Checking {what}…</source>
            <translation>正在檢查{what}…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Cannot do that: {e}</source>
            <translation>無法執行：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Nothing to move or copy</source>
            <translation>沒有要移動或複製的內容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving</source>
            <translation>正在移動</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copying</source>
            <translation>正在複製</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{verb} {what} to {dest}</source>
            <translation>{verb}{what}到 {dest}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving files to the trash needs a newer library core</source>
            <translation>將檔案移到資源回收筒需要更新版本的圖庫核心</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving {what} to the trash</source>
            <translation>正在將{what}移到資源回收筒</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{what} failed: {e}</source>
            <translation>{what}失敗：{e}</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>ViT-B/16 @448, 5000+ Danbooru tags, sigmoid, F1 0.578 at threshold 0.4; works on drawn and photographic images.</source>
            <translation>ViT-B/16 @448，5000+ 個 Danbooru 標籤，sigmoid 輸出，閾值 0.4 時 F1 為 0.578；適用於繪圖與照片。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ViT); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 標籤器（ViT）；輸出一般、角色與分級標籤，各有獨立閾值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (SwinV2); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 標籤器（SwinV2）；輸出一般、角色與分級標籤，各有獨立閾值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ConvNeXt); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 標籤器（ConvNeXt）；輸出一般、角色與分級標籤，各有獨立閾值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ViT-Large); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 標籤器（ViT-Large）；輸出一般、角色與分級標籤，各有獨立閾值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (EVA02-Large); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 標籤器（EVA02-Large）；輸出一般、角色與分級標籤，各有獨立閾值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>timm CAFormer-B36 (134.0M params) on the Danbooru wdtagger-v4 set: 12,476 tags (9,225 general, 3,247 character, 4 rating), 384x384; exact preprocessing from its preprocess.json.</source>
            <translation>timm CAFormer-B36（1.34 億參數），以 Danbooru wdtagger-v4 資料集訓練：12,476 個標籤（9,225 個一般、3,247 個角色、4 個分級），384x384；嚴格依其 preprocess.json 前處理。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>EVA02-Large encoder of WD v3 with a head retrained on Danbooru to 2025-01: 13,461 tags (9,741 general, 3,720 character; no rating tags), 448x448 stretched, bilinear, (x-0.5)/0.5.</source>
            <translation>WD v3 的 EVA02-Large 編碼器，輸出頭以截至 2025-01 的 Danbooru 資料重新訓練：13,461 個標籤（9,741 個一般、3,720 個角色；無分級標籤），拉伸至 448x448，雙線性內插，(x-0.5)/0.5。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Image and text towers in one 512-d space: search images by a sentence.</source>
            <translation>影像與文字編碼器共用一個 512 維空間：用一句話搜尋圖片。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>One 0..1 aesthetic score per image; 768 px letterboxed on black, 0..1 input.</source>
            <translation>每張圖片一個 0..1 的美感分數；以黑邊補成 768 px，輸入範圍 0..1。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>512-d pooled features of a ResNet-18 (the tensor before its classifier): offline similar-image search.</source>
            <translation>ResNet-18 的 512 維池化特徵（分類層之前的張量）：離線相似圖片搜尋。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>YOLOv8n body-part detector; detections map to general / sensitive / questionable / explicit.</source>
            <translation>YOLOv8n 身體部位偵測器；偵測結果對應到 general / sensitive / questionable / explicit。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>384-d sentence embeddings of tags, prompts and names: offline semantic search.</source>
            <translation>標籤、提示詞與名稱的 384 維句向量：離線語意搜尋。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Anime super-resolution 2x/3x/4x with denoise levels; CPU or Vulkan GPU.</source>
            <translation>動漫圖像放大 2x/3x/4x，可選降噪等級；使用 CPU 或 Vulkan GPU。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Resolution and sharpness (variance of the Laplacian); no model needed.</source>
            <translation>解析度與清晰度（拉普拉斯變異數）；不需要模型。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>512-d embeddings of Chinese, Japanese and English anime words (titles, characters, tags): choose it as the text encoder so 猫耳 or ネコミミ finds cat_ears.</source>
            <translation>中文、日文與英文動漫詞語（作品名、角色、標籤）的 512 維向量：選它作為文字編碼器，搜尋 猫耳 或 ネコミミ 也能找到 cat_ears。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>OpenAI CLIP ViT-L/14 fine-tuned on Danbooru 2021: anime text-to-image search, image and text in one 768-d space; 224 px, shortest side resized and centre-cropped.</source>
            <translation>在 Danbooru 2021 上微調的 OpenAI CLIP ViT-L/14：動漫以文搜圖，影像與文字共用一個 768 維空間；224 px，短邊縮放後置中裁切。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>general tags on any image, photos included; no character or rating tags</source>
            <translation>任何圖片的一般標籤，照片也行；不輸出角色與分級標籤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>balanced general tags; the smallest WD v3</source>
            <translation>一般標籤表現均衡；最小的 WD v3</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>best general-tag accuracy of the base-size WD v3 models</source>
            <translation>基礎尺寸 WD v3 中一般標籤最準確</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>good general tags from a convolutional backbone</source>
            <translation>卷積骨幹網路，一般標籤效果好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>more accurate general and character tags than the base models</source>
            <translation>一般與角色標籤比基礎模型更準確</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>the most accurate WD v3, strongest on characters</source>
            <translation>最準確的 WD v3，角色辨識最強</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>newest Danbooru-v4 tag set with ratings; animetimm's recommended model</source>
            <translation>最新的 Danbooru-v4 標籤集，含分級；animetimm 推薦的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>recent characters and series (data to 2025-01), recall-first: finds more tags to filter</source>
            <translation>認得較新的角色與作品（資料截至 2025-01），召回優先：找出更多標籤供篩選</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>search by an English sentence ("girl under cherry blossoms"); weak on character names</source>
            <translation>用英文句子搜尋（"girl under cherry blossoms"）；不擅長角色名</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>sorting anime illustrations by how polished they look; meaningless on photos</source>
            <translation>依精緻程度為動漫插畫排序；對照片無意義</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline similar-image search (near duplicates, same scene); its own anime/not-anime class is not reliable and is not shown</source>
            <translation>離線相似圖片搜尋（近似重複、同一場景）；它內建的動漫/非動漫分類不可靠，不予顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline content rating from exposed body parts; trained on photos, rougher on drawings</source>
            <translation>依裸露的身體部位離線判斷分級；以照片訓練，對繪圖較粗略</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline search of tags, prompts and names by meaning (English)</source>
            <translation>依語意離線搜尋標籤、提示詞與名稱（英文）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>upscaling anime art 2-4x with clean lines; not for photos</source>
            <translation>將動漫圖像放大 2-4 倍，線條乾淨；不適合照片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>finding small, blurry or out-of-focus files</source>
            <translation>找出尺寸小、模糊或失焦的檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>multilingual (Chinese / Japanese / English) search of tags, prompts and names; knows anime titles and characters</source>
            <translation>多語言（中文 / 日文 / 英文）搜尋標籤、提示詞與名稱；認得動漫作品與角色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>text-to-image search in Danbooru's own words (tags, characters, series)</source>
            <translation>用 Danbooru 自己的詞彙（標籤、角色、作品）以文搜圖</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>no network: thousands of images a second</source>
            <translation>不用神經網路：每秒數千張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>small network: tens of images a second on a CPU</source>
            <translation>小型網路：CPU 上每秒數十張</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>base-size network: about one image a second on a CPU, GPU advised for big libraries</source>
            <translation>基礎尺寸網路：CPU 上約每秒一張，大型圖庫建議使用 GPU</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>large network: seconds per image on a CPU, GPU strongly advised</source>
            <translation>大型網路：CPU 上每張需數秒，強烈建議使用 GPU</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>computed without model files</source>
            <translation>不需模型檔案即可計算</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>how polished an anime illustration looks, 0..1 (meaningless on photos)</source>
            <translation>動漫插畫看起來有多精緻，0..1（對照片無意義）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>resolution and focus, 0..1: 0.5 is the usual blurry-below line, crisp line art nears 1</source>
            <translation>解析度與對焦，0..1：通常低於 0.5 算模糊，清晰的線稿接近 1</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>width x height of the original file in millions of pixels</source>
            <translation>原始檔案的寬 x 高，單位為百萬像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>variance of the Laplacian at 512 px, the raw number behind sharpness</source>
            <translation>512 px 下的拉普拉斯變異數，清晰度背後的原始數值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>how much this looks like the images you marked as liked, 0..1 (learnt from your marks)</source>
            <translation>與你標記為喜歡的圖片有多相似，0..1（從你的標記中學習）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime-or-not class score: wrong on many photos as computed, so not shown</source>
            <translation>anime-or-not 的分類分數：以目前的算法對許多照片判斷錯誤，因此不顯示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>a score stored by a model; no description is known</source>
            <translation>由模型儲存的分數；沒有已知說明</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime-aesthetic model</source>
            <translation>anime-aesthetic 模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>no model</source>
            <translation>無模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>your marks</source>
            <translation>你的標記</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>unknown model</source>
            <translation>未知模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>see the model card</source>
            <translation>見模型卡</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>not stated on the model card</source>
            <translation>模型卡未註明</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>unknown (package metadata gives none)</source>
            <translation>未知（套件中繼資料未註明）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>AGPL-3.0 (LICENSE file; the package metadata says MIT)</source>
            <translation>AGPL-3.0（LICENSE 檔案；套件中繼資料寫的是 MIT）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Apache-2.0 (model); MIT (package)</source>
            <translation>Apache-2.0（模型）；MIT（套件）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>MIT (weights); BSD-3-Clause (package)</source>
            <translation>MIT（權重）；BSD-3-Clause（套件）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>MIT (the repository's first model card; the current card names none)</source>
            <translation>MIT（儲存庫最初的模型卡；目前的模型卡未註明）</translation>
        </message>
    </context>
    <context>
        <name>core_errors</name>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source> (did you mean '{word}'?)</source>
            <translation>（你是不是要輸入 '{word}'？）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: the smart album '{name}' has a query that does not parse: {error}</source>
            <translation>album: 智慧相簿 '{name}' 的查詢無法解析：{error}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unterminated quote: add a closing "</source>
            <translation>引號未閉合：請補上 "</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to negate after '-' (write -tag, without a space)</source>
            <translation>'-' 後面沒有要排除的內容（寫成 -tag，中間不要加空格）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unmatched ')': no '(' before it</source>
            <translation>多餘的 ')'：前面沒有對應的 '('</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{op} needs a term on its left</source>
            <translation>{op} 左邊需要一個條件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{op} needs a term on its right</source>
            <translation>{op} 右邊需要一個條件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to negate after {op}</source>
            <translation>{op} 後面沒有要排除的內容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>missing ')' to close this '('</source>
            <translation>缺少 ')' 來閉合這個 '('</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>empty parentheses</source>
            <translation>括號中是空的</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unexpected {token}</source>
            <translation>意外的 {token}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown field '{name}'{did_you_mean}; valid fields: {fields} (to search for the text itself, put it in quotes; for a tag, write tag:...)</source>
            <translation>未知欄位 '{name}'{did_you_mean}；可用欄位：{fields}（要搜尋這段文字本身，請加上引號；要搜尋標籤，請寫 tag:...）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: needs a value</source>
            <translation>{field}: 需要一個值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>is: unknown value '{value}'{did_you_mean}; expected fav, pick, reject or marked</source>
            <translation>is: 未知的值 '{value}'{did_you_mean}；應為 fav、pick、reject 或 marked</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: unknown value '{value}'{did_you_mean}; expected one of {values}</source>
            <translation>{field}: 未知的值 '{value}'{did_you_mean}；應為以下之一：{values}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>'{words}' is free text (semantic search), which cannot be negated or used with OR; for a tag write tag:{tag}</source>
            <translation>'{words}' 是自由文字（語意搜尋），不能被排除或與 OR 一起使用；要搜尋標籤請寫 tag:{tag}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: cannot be negated or used with OR</source>
            <translation>sort: 不能被排除或與 OR 一起使用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: a range takes no '{op}'</source>
            <translation>{field}: 範圍不能帶 '{op}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: a range needs at least one end, e.g. 1..5</source>
            <translation>{field}: 範圍至少需要一端，例如 1..5</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: empty range, {low} is after {high}</source>
            <translation>{field}: 範圍為空，{low} 在 {high} 之後</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a value after '{op}'</source>
            <translation>{field}: '{op}' 後面需要一個值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a number, got '{text}'</source>
            <translation>{field}: 應為數字，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a whole number, got '{text}'</source>
            <translation>{field}: 應為整數，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>stars: from 0 to 5, got {stars}</source>
            <translation>stars: 應為 0 到 5，而不是 {stars}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>size: expected a size like 500KB or 2.5MB, got '{text}'</source>
            <translation>size: 應為 500KB 或 2.5MB 這樣的大小，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score: expected a comparison such as score:&gt;0.7 or score:{text}&gt;0.7</source>
            <translation>score: 需要一個比較，例如 score:&gt;0.7 或 score:{text}&gt;0.7</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score: expected a score kind before the comparison</source>
            <translation>score: 比較之前需要寫出評分類型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>ratio: expected 16:9 or 1.78, got '{text}'</source>
            <translation>ratio: 應為 16:9 或 1.78 這樣的值，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>ratio: '{text}' has a zero side</source>
            <translation>ratio: '{text}' 有一邊為零</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>date: expected YYYY, YYYY-MM, YYYY-MM-DD or an age like 7d, got '{text}'</source>
            <translation>date: 應為 YYYY、YYYY-MM、YYYY-MM-DD 或 7d 這樣的時長，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>date: invalid date '{text}' ({detail})</source>
            <translation>date: 無效的日期 '{text}'（{detail}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: unknown rating '{value}'{did_you_mean}; expected general (safe, g), sensitive (s), questionable (q) or explicit (e)</source>
            <translation>rating: 未知的分級 '{value}'{did_you_mean}；應為 general (safe, g)、sensitive (s)、questionable (q) 或 explicit (e)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: '{op}' takes one rating</source>
            <translation>rating: '{op}' 只能搭配一個分級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: no rating is {op} {rating}</source>
            <translation>rating: 沒有分級符合 {op} {rating}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: takes no comparison</source>
            <translation>{field}: 不能使用比較</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: unknown key '{value}'{did_you_mean}; expected one of {keys}</source>
            <translation>sort: 未知的排序鍵 '{value}'{did_you_mean}；應為以下之一：{keys}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: expected sort:taste, sort:taste:asc or :desc</source>
            <translation>sort: 應為 sort:taste、sort:taste:asc 或 :desc</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: expected sort:{key}, sort:{key}:asc or sort:{key}:desc</source>
            <translation>sort: 應為 sort:{key}、sort:{key}:asc 或 sort:{key}:desc</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score:{kind} is not offered: {meaning}</source>
            <translation>score:{kind} 不可用：{meaning}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: this search has no albums to look in</source>
            <translation>album: 此搜尋沒有可供查找的相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: no album named '{name}'</source>
            <translation>album: 沒有名為 '{name}' 的相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: the smart album '{name}' refers to itself</source>
            <translation>album: 智慧相簿 '{name}' 參照了自身</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>a content rating</source>
            <translation>內容分級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>resize</source>
            <translation>縮放方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>fit</source>
            <translation>調整方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>image format</source>
            <translation>圖片格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>max side</source>
            <translation>最長邊</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>bucket resolution</source>
            <translation>分桶解析度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>bucket step</source>
            <translation>分桶間距</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum side</source>
            <translation>最短邊</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>caption source</source>
            <translation>標註來源</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>repeats</source>
            <translation>重複次數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{option} must be one of {choices}, not {value}</source>
            <translation>{option} 必須是 {choices} 之一，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{option} must be at least {low}, not {value}</source>
            <translation>{option} 至少為 {low}，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>colour must be #rrggbb, #rgb, white, black or grey, not {value}</source>
            <translation>顏色必須是 #rrggbb、#rgb、white、black 或 grey，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum stars must be 0 to 5, not {value}</source>
            <translation>最低星等必須是 0 到 5，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum taste must be between 0 and 1, not {value}</source>
            <translation>最低偏好度必須在 0 到 1 之間，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>quality must be 1 to 100, not {value}</source>
            <translation>品質必須是 1 到 100，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>buckets need step &lt;= min &lt;= max, not {step} / {min} / {max}</source>
            <translation>分桶需要符合 step &lt;= min &lt;= max，而不是 {step} / {min} / {max}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>the validation fraction must be from 0 up to (not including) 1, not {value}</source>
            <translation>驗證集比例必須不小於 0 且小於 1，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>kohya's folder layout has no validation split: use --format hf or onetrainer, or set validation_split in sd-scripts' own dataset config</source>
            <translation>kohya 的資料夾結構沒有驗證集劃分：請使用 --format hf 或 onetrainer，或在 sd-scripts 自己的資料集設定中設定 validation_split</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown part of the dataset options: {part}</source>
            <translation>資料集選項中的未知部分：{part}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown {part} option(s): {names}</source>
            <translation>
                <numerusform>未知的 {part} 選項：{names}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} exists and is not a folder</source>
            <translation>{path} 已存在且不是資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not empty and holds no acgdesk dataset: choose an empty or new folder (a dataset is never mixed into other files)</source>
            <translation>{path} 不是空的，也不包含 acgdesk 資料集：請選擇一個空的或新的資料夾（資料集絕不會與其他檔案混在一起）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot create {path}: {detail}</source>
            <translation>無法建立 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>refused a target name {name}</source>
            <translation>拒絕了目標名稱 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name} would be written outside {root}</source>
            <translation>{name} 會被寫到 {root} 之外</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name}: a symbolic link is in its place</source>
            <translation>{name}: 該位置上有一個符號連結</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>refused a folder name {name}</source>
            <translation>拒絕了資料夾名稱 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name} is outside {root}</source>
            <translation>{name} 在 {root} 之外</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>not an acgdesk dataset manifest (version {version})</source>
            <translation>不是 acgdesk 資料集清單（版本 {version}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>the dataset manifest is damaged: {detail}</source>
            <translation>資料集清單已損壞：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>no dataset manifest at {path}</source>
            <translation>{path} 處沒有資料集清單</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot read {path}: {detail}</source>
            <translation>無法讀取 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not valid JSON: {detail}</source>
            <translation>{path} 不是有效的 JSON：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not a dataset manifest</source>
            <translation>{path} 不是資料集清單</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to export: no file matches the query and filters</source>
            <translation>沒有可匯出的內容：沒有檔案符合查詢和篩選條件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is inside the library folder {folder}: its copies would be indexed as duplicates of the originals. Choose a folder outside the library (or allow it explicitly)</source>
            <translation>{path} 位於圖庫資料夾 {folder} 中：其中的副本會被當作原圖的重複項目編入索引。請選擇圖庫以外的資料夾（或明確允許）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} holds the library folder {folder}: choose another folder</source>
            <translation>{path} 包含圖庫資料夾 {folder}：請選擇其他資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{message} (at position {position})</source>
            <translation>{message}（位置 {position}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot create the library folder {path}: {detail}</source>
            <translation>無法建立圖庫資料夾 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot open {path}: {detail}</source>
            <translation>無法開啟 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not a folder: {path}</source>
            <translation>不是資料夾：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>not in the library: {ref}</source>
            <translation>不在圖庫中：{ref}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>this library was written by a newer acgdesk (unknown schema migrations: {migrations}); upgrade acgdesk to open it</source>
            <translation>此圖庫由更新版本的 acgdesk 寫入（未知的資料庫結構遷移：{migrations}）；請升級 acgdesk 後再開啟</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>manual</source>
            <translation>一般</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>smart</source>
            <translation>智慧</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>group</source>
            <translation>分組</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>an album needs a name</source>
            <translation>相簿需要名稱</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>an album name may have at most {max} characters</source>
            <translation>
                <numerusform>相簿名稱最多 {max} 個字元</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album named {name}; albums: {albums}</source>
            <translation>沒有名為 {name} 的相簿；現有相簿：{albums}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album named {name}; there are no albums yet</source>
            <translation>沒有名為 {name} 的相簿；目前還沒有任何相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album with id {id}</source>
            <translation>沒有 ID 為 {id} 的相簿</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>album kind must be one of {kinds}</source>
            <translation>相簿類型必須是 {kinds} 之一</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a smart album needs a query</source>
            <translation>智慧相簿需要查詢條件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a {kind} album has no query</source>
            <translation>{kind}相簿不能有查詢條件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>there is already an album or group named {name}</source>
            <translation>已有名為 {name} 的相簿或分組</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{name} is an album, not a group: albums nest in groups only</source>
            <translation>{name} 是相簿而不是分組：相簿只能放入分組中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a group cannot be placed inside itself</source>
            <translation>分組不能放入其自身</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>only a smart album has a query, and it cannot be empty</source>
            <translation>只有智慧相簿才有查詢條件，且不能為空</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{name} is a {kind} album: images are added to manual albums only</source>
            <translation>{name} 是{kind}相簿：只能向一般相簿加入圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} is a {task} model, not a text encoder</source>
            <translation>{model} 是{task}模型，不是文字編碼器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>the text encoder {model} needs a model store</source>
            <translation>文字編碼器 {model} 需要模型庫</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no image embeddings in this library: run acgdesk index with an image embedder</source>
            <translation>此圖庫中沒有影像嵌入：請用影像嵌入模型執行 acgdesk index</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} is not a model this acgdesk can run</source>
            <translation>{model} 不是此版本 acgdesk 能執行的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no model store to load the image model from</source>
            <translation>沒有可載入影像模型的模型庫</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot read the image: {detail}</source>
            <translation>無法讀取圖片：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} gave no embedding</source>
            <translation>{model} 沒有輸出嵌入向量</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>file {id} has no {model} embedding yet: run acgdesk index</source>
            <translation>檔案 {id} 還沒有 {model} 的嵌入向量：請執行 acgdesk index</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>unreadable index manifest {path}: {detail}</source>
            <translation>無法讀取索引清單 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>index manifest {path} is not an object</source>
            <translation>索引清單 {path} 不是 JSON 物件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>index manifest {path} is incomplete: {detail}</source>
            <translation>索引清單 {path} 不完整：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} has format {found}, expected {expected}</source>
            <translation>{path} 的格式為 {found}，應為 {expected}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} was built for model {found}, not {expected}</source>
            <translation>{path} 是為模型 {found} 建立的，而不是 {expected}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} has dimension {found}, the vectors have {expected}</source>
            <translation>{path} 的維度為 {found}，而向量的維度為 {expected}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} is {size} bytes, its manifest says {expected}</source>
            <translation>
                <numerusform>{path} 大小為 {size} 位元組，但其清單記錄為 {expected} 位元組</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} does not match the checksum in its manifest</source>
            <translation>{path} 與其清單中的總和檢查碼不符</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>hnswlib cannot read {path}: {detail}</source>
            <translation>hnswlib 無法讀取 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} does not hold what its manifest describes</source>
            <translation>{path} 的內容與其清單描述不符</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no vectors of model {model} in this library</source>
            <translation>此圖庫中沒有模型 {model} 的向量</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>moving to the trash is supported on Linux and BSD desktops in this version</source>
            <translation>此版本僅在 Linux 和 BSD 桌面上支援移到資源回收筒</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>not there any more: {path}</source>
            <translation>檔案已不存在：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>could not move {path} to the trash: {detail}</source>
            <translation>無法將 {path} 移到資源回收筒：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>the trash has no free name for {path}</source>
            <translation>資源回收筒中已沒有可供 {path} 使用的名稱</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no longer in the trash (emptied?): {path}</source>
            <translation>已不在資源回收筒中（資源回收筒已清空？）：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>another file now has its name: {path}</source>
            <translation>已有其他檔案使用了該名稱：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>acgdesk never loads pickle files (.pt, .pth, .ckpt, .bin): unpickling can run arbitrary code. Use the model's .safetensors or .onnx file instead</source>
            <translation>acgdesk 絕不載入 pickle 檔案（.pt, .pth, .ckpt, .bin）：反序列化 pickle 可能執行任意程式碼。請改用該模型的 .safetensors 或 .onnx 檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>model id</source>
            <translation>模型 ID</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>model version</source>
            <translation>模型版本</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: not found in {folder}: {missing}</source>
            <translation>{id}：在 {folder} 中找不到：{missing}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>. Found {pickles}: refused, {why}</source>
            <translation>。找到了 {pickles}：已拒絕，{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>. The files are at {where}</source>
            <translation>。這些檔案位於 {where}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing or unreadable</source>
            <translation>{path} 不存在或無法讀取</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} belongs to {owner}</source>
            <translation>{path} 屬於 {owner}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{name} is not in the manifest (the catalogue lists files this copy lacks)</source>
            <translation>{name} 不在清單中（模型目錄列出了這份副本缺少的檔案）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing</source>
            <translation>{path} 不見了</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing (it pointed at {where})</source>
            <translation>{path} 不見了（它原本指向 {where}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} changed on disk ({size} bytes, {recorded} recorded)</source>
            <translation>{path} 在磁碟上已被變更（{size} 位元組，記錄為 {recorded}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{name} is not the version the catalogue pins</source>
            <translation>{name} 不是模型目錄固定的版本</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{problem}: run `acgdesk models install {id} --force` to repair it</source>
            <translation>{problem}：執行 `acgdesk models install {id} --force` 進行修復</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>an install was interrupted: run `acgdesk models install {id}` to resume it</source>
            <translation>安裝曾被中斷：執行 `acgdesk models install {id}` 繼續安裝</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not installed: run `acgdesk models install {id}` (or `acgdesk models scan` to use a copy already on disk, or download the files by hand and run `acgdesk models import {id} FOLDER`)</source>
            <translation>未安裝：執行 `acgdesk models install {id}`（或執行 `acgdesk models scan` 使用磁碟上已有的副本，或手動下載檔案後執行 `acgdesk models import {id} FOLDER`）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>it ships with the Python package {package}, which is not installed: run `{command}` in acgdesk's Python environment</source>
            <translation>它隨 Python 套件 {package} 提供，但該套件尚未安裝：請在 acgdesk 的 Python 環境中執行 `{command}`</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>the Python package {package} in {folder} lacks {missing}: reinstall it with `{command}`</source>
            <translation>{folder} 中的 Python 套件 {package} 缺少 {missing}：請用 `{command}` 重新安裝</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {detail}</source>
            <translation>{id}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: invalid file name {name} in the catalogue</source>
            <translation>{id}：模型目錄中的檔名 {name} 無效</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {name} is a pickle checkpoint; {why}</source>
            <translation>{id}：{name} 是 pickle 格式的檢查點；{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {name}: only {suffixes} files are accepted</source>
            <translation>{id}：{name}：只接受 {suffixes} 檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) refused: {detail}; {why}</source>
            <translation>{path}（{name}）已拒絕：{detail}；{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) holds pickled data, not the expected format; {why}</source>
            <translation>{path}（{name}）包含 pickle 資料，而不是預期的格式；{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) is not a safetensors file</source>
            <translation>{path}（{name}）不是 safetensors 檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) is empty</source>
            <translation>{path}（{name}）是空的</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot link {path} into {folder} (another drive, and no symbolic links here: {detail}); use `acgdesk models import` to copy it instead</source>
            <translation>無法將 {path} 連結到 {folder}（位於另一個磁碟，且這裡無法建立符號連結：{detail}）；請改用 `acgdesk models import` 複製它</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot write {path}: {detail}</source>
            <translation>無法寫入 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>hub_endpoint must be an http(s) URL, not {url}</source>
            <translation>hub_endpoint 必須是 http(s) 網址，而不是 {url}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot move {path} to {dest}: {detail}</source>
            <translation>無法將 {path} 移動到 {dest}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot remove {path}: {detail}</source>
            <translation>無法移除 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>another acgdesk process (or thread) is installing or removing {id}; wait for it to finish</source>
            <translation>另一個 acgdesk 程序（或執行緒）正在安裝或移除 {id}；請等待它完成</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>several different files named {name} in {folder}: {files}; point FOLDER at the one folder that holds the model's files</source>
            <translation>{folder} 中有多個內容不同的同名檔案 {name}：{files}；請讓 FOLDER 指向存放該模型檔案的那一個資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot copy {path} to {dest}: {detail}</source>
            <translation>無法將 {path} 複製到 {dest}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} has {size} bytes but {name} has {expected}: a different file or version</source>
            <translation>{path} 有 {size} 位元組，但 {name} 應為 {expected} 位元組：檔案或版本不同</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} does not match the pinned SHA-256 of {name} (got {got}, expected {expected}): a different file or version, or a damaged download</source>
            <translation>{path} 與 {name} 固定的 SHA-256 不符（得到 {got}，應為 {expected}）：檔案或版本不同，或下載已損壞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files</source>
            <translation>{id} 不需要模型檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} is not a downloadable model</source>
            <translation>{id} 不是可下載的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: the files in {folder} cannot be verified (the catalogue pins no digest for them); pass --trust to use them anyway</source>
            <translation>{id}：無法驗證 {folder} 中的檔案（模型目錄沒有為它們固定雜湊值）；如仍要使用，請加上 --trust</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} ships with the Python package {package}; there is nothing to import (install it with `{command}`)</source>
            <translation>{id} 隨 Python 套件 {package} 提供；沒有可匯入的內容（請用 `{command}` 安裝）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files; there is nothing to import</source>
            <translation>{id} 不需要模型檔案；沒有可匯入的內容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} ships with the Python package {package}; acgdesk does not remove packages (use `pip uninstall {dist}`)</source>
            <translation>{id} 隨 Python 套件 {package} 提供；acgdesk 不會移除套件（請使用 `pip uninstall {dist}`）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files; there is nothing to remove</source>
            <translation>{id} 不需要模型檔案；沒有可移除的內容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>invalid {what} {value}: it must be a plain folder name</source>
            <translation>無效的{what} {value}：必須是一般的資料夾名稱</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>unknown model {id}; known: {known}</source>
            <translation>未知的模型 {id}；已知的模型：{known}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>SHA-256 mismatch: got {got}, the pinned digest is {pinned}</source>
            <translation>SHA-256 不一致：得到 {got}，固定的雜湊值為 {pinned}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>SHA-256 mismatch: got {got}, the hub's published digest is {address}</source>
            <translation>SHA-256 不一致：得到 {got}，Hub 公布的雜湊值為 {address}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>got {size} bytes but {expected} were expected</source>
            <translation>得到 {size} 位元組，但應為 {expected} 位元組</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>download {names} from {where} by hand into one folder and run `acgdesk models import {id} FOLDER`</source>
            <translation>從 {where} 手動下載 {names} 到同一個資料夾，然後執行 `acgdesk models import {id} FOLDER`</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>; or {hint}</source>
            <translation>；也可以{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{problem}; the corrupt file was deleted: run again to retry</source>
            <translation>{problem}；損壞的檔案已刪除：請再次執行以重試</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: {problem}. Nothing was installed</source>
            <translation>{url}：{problem}。未安裝任何內容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>set</source>
            <translation>已設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not set</source>
            <translation>未設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: the hub offers {size} bytes but {expected} were expected; the file on the hub has changed or the repository is wrong</source>
            <translation>{url}：Hub 提供的是 {size} 位元組，但應為 {expected} 位元組；Hub 上的檔案已變更，或儲存庫有誤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: SHA-256 mismatch: the hub publishes {etag}, the pinned digest is {pinned}; the file on the hub has changed</source>
            <translation>{url}：SHA-256 不一致：Hub 公布的是 {etag}，固定的雜湊值為 {pinned}；Hub 上的檔案已變更</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP {status}: access denied. The model may be gated or private: accept its terms on its page at {endpoint}, then run `hf auth login` or set {env}=&lt;token&gt; ({env} is {token}){hint}</source>
            <translation>{url}：HTTP {status}：拒絕存取。該模型可能需要授權存取或是私人的：請先在 {endpoint} 上的模型頁面同意其條款，再執行 `hf auth login` 或設定 {env}=&lt;token&gt;（{env} {token}）{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP 404 not found: the repository, revision or file name may have changed (check the model's page){hint}</source>
            <translation>{url}：HTTP 404 找不到：儲存庫、版本或檔名可能已變更（請查看模型頁面）{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HF_HUB_OFFLINE is set and the file is not in the Hugging Face cache ({cache}). No network? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>{url}：已設定 HF_HUB_OFFLINE，而 Hugging Face 快取（{cache}）中沒有該檔案。沒有網路？可以用 HF_ENDPOINT 或 `acgdesk config hub_endpoint URL` 設定鏡像{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: cannot reach {endpoint} and the file is not in the Hugging Face cache ({cache}). No network? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>{url}：無法連線 {endpoint}，而 Hugging Face 快取（{cache}）中沒有該檔案。沒有網路？可以用 HF_ENDPOINT 或 `acgdesk config hub_endpoint URL` 設定鏡像{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP {status}: {detail}{hint}</source>
            <translation>{url}：HTTP {status}：{detail}{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot reach {endpoint} for {url} ({kind}: {detail}). No network, or a proxy is needed? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>無法連線 {endpoint} 取得 {url}（{kind}: {detail}）。沒有網路，或者需要代理伺服器？可以用 HF_ENDPOINT 或 `acgdesk config hub_endpoint URL` 設定鏡像{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: download failed ({kind}: {detail}){hint}</source>
            <translation>{url}：下載失敗（{kind}: {detail}）{hint}</translation>
        </message>
    </context>
    <context>
        <name>core_score</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>aesthetic</source>
            <translation>美感</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>sharpness</source>
            <translation>清晰度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>megapixels</source>
            <translation>百萬像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>edge contrast</source>
            <translation>邊緣對比度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>taste</source>
            <translation>喜好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime</source>
            <translation>動漫</translation>
        </message>
    </context>
    <context>
        <name>core_speed</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>instant</source>
            <translation>即時</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>fast</source>
            <translation>快</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>medium</source>
            <translation>中等</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>slow</source>
            <translation>慢</translation>
        </message>
    </context>
    <context>
        <name>core_state</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>installed</source>
            <translation>已安裝</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>missing</source>
            <translation>未安裝</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>incomplete</source>
            <translation>不完整</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>package-missing</source>
            <translation>缺少套件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>builtin</source>
            <translation>內建</translation>
        </message>
    </context>
    <context>
        <name>core_task</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>tagger</source>
            <translation>標籤器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>image_embedder</source>
            <translation>影像嵌入</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>clip</source>
            <translation>CLIP</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>text_encoder</source>
            <translation>文字編碼器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>rating</source>
            <translation>分級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>aesthetic</source>
            <translation>美感評分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>upscaler</source>
            <translation>放大</translation>
        </message>
    </context>
    <context>
        <name>curation</name>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>1 image</source>
            <translation>1 張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>{what} failed: {e}</source>
            <translation>{what}失敗：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>pick</source>
            <translation>留用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>rejected</source>
            <translation>已排除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;File</source>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;Edit</source>
            <translation>編輯(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select all</source>
            <translation>全選</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select none</source>
            <translation>取消選擇</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>After marking, go to the next image</source>
            <translation>標記後跳到下一張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;Selection</source>
            <translation>選擇(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Selection</source>
            <translation>選擇</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Mark, tag, add to an album, export, move, copy or trash the selection</source>
            <translation>對選取的圖片標記、加標籤、加入相簿、匯出、移動、複製或移到資源回收筒</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select images to mark</source>
            <translation>請選擇要標記的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing changed: {what}</source>
            <translation>沒有變化：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Could not do that: {e}</source>
            <translation>無法執行：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing to redo</source>
            <translation>沒有可重做的操作</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing to undo</source>
            <translation>沒有可復原的操作</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Redone: {what}</source>
            <translation>已重做：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Undone: {what}</source>
            <translation>已復原：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>{what}: cancelled</source>
            <translation>{what}：已取消</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>%Ln sidecar(s) written, {old} already there, {none} without tags, {bad} failed</source>
            <translation>
                <numerusform>已寫入 %Ln 個附屬檔案，{old} 個已存在，{none} 個沒有標籤，{bad} 個失敗</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Learning your taste needs a newer library core</source>
            <translation>學習你的喜好需要更新版本的圖庫核心</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Learning your taste from your marks</source>
            <translation>正在根據你的標記學習你的喜好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Could not learn your taste: {e}</source>
            <translation>無法學習你的喜好：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Taste: {what}</source>
            <translation>喜好：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>learnt again</source>
            <translation>已重新學習</translation>
        </message>
    </context>
    <context>
        <name>dataset</name>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Selection</source>
            <translation>篩選</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Export training set</source>
            <translation>匯出訓練集</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Copies of {what}, resized and captioned for training. The originals are only read.</source>
            <translation>將{what}複製一份，調整尺寸並加上標註，用於訓練。原圖只會被讀取，不會被修改。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Preview</source>
            <translation>預覽</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Sample captions</source>
            <translation>標註範例</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Export</source>
            <translation>匯出</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Counting…</source>
            <translation>正在統計…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>&lt;b&gt;%Ln image(s)&lt;/b&gt; will be in the set</source>
            <translation>
                <numerusform>訓練集中將有 &lt;b&gt;%Ln 張圖片&lt;/b&gt;</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} matched the selection and filters</source>
            <translation>{n} 張符合所選範圍和篩選條件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} near-duplicates left out</source>
            <translation>已排除 {n} 張近似重複圖</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} skipped ({why})</source>
            <translation>略過 {n} 張（{why}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{train} for training, {val} for validation</source>
            <translation>訓練集 {train} 張，驗證集 {val} 張</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} with an empty caption</source>
            <translation>{n} 張的標註為空</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source> and {n} more sizes</source>
            <translation>，另有 {n} 種尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Sizes: {sizes}</source>
            <translation>尺寸：{sizes}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Folders: {names}</source>
            <translation>資料夾：{names}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>The folder holds an earlier export: finished files are kept, changed ones made again, and files no longer chosen removed</source>
            <translation>該資料夾中已有之前匯出的訓練集：已完成的檔案會保留，有變化的會重新產生，不再選取的檔案會被刪除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>(empty caption)</source>
            <translation>（標註為空）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Choose the folder to export into</source>
            <translation>請選擇要匯出到的資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Nothing to export with these options</source>
            <translation>依這些選項沒有可匯出的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>a replacement is old=new, not {part!r}</source>
            <translation>取代規則應為 舊=新，而不是 {part!r}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>a new or empty folder, or an earlier export to update</source>
            <translation>新的或空的資料夾，或要更新的之前匯出的資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Folder</source>
            <translation>資料夾</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Layout</source>
            <translation>目錄結構</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>the trigger word, else "dataset"</source>
            <translation>預設用觸發詞，沒有則為 "dataset"</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Concept</source>
            <translation>概念</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Repeats</source>
            <translation>重複次數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The fraction held out for validation (not for kohya's layout)</source>
            <translation>留作驗證集的比例（kohya 的目錄結構不適用）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Validation fraction</source>
            <translation>驗證集比例</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Split seed</source>
            <translation>劃分種子</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Allow a folder inside the library (its copies get indexed)</source>
            <translation>允許使用圖庫內的資料夾（其中的副本會被索引）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Output</source>
            <translation>輸出</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Longest side</source>
            <translation>長邊</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Buckets hold about this many pixels squared</source>
            <translation>每個分桶的面積約為此值的平方（像素）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Bucket resolution</source>
            <translation>分桶解析度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Bucket step</source>
            <translation>分桶步長</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Fit</source>
            <translation>調整方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Enlarge small images to their bucket</source>
            <translation>將小圖放大到所屬分桶的尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>JPEG and WebP quality; WebP 100 is lossless</source>
            <translation>JPEG 和 WebP 的品質；WebP 為 100 時無損</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Quality</source>
            <translation>品質</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep metadata (prompts, EXIF, text chunks)</source>
            <translation>保留中繼資料（提示詞、EXIF、文字區塊）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Flatten transparency</source>
            <translation>去除透明（鋪上背景色）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Flatten and pad colour: #rrggbb, white or black</source>
            <translation>去除透明和填補時使用的顏色：#rrggbb、white 或 black</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Background</source>
            <translation>背景色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>no minimum</source>
            <translation>無下限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Skip if shorter side under</source>
            <translation>短邊小於此值則略過</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Images</source>
            <translation>圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Captions from</source>
            <translation>標註來源</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>first in every caption</source>
            <translation>放在每條標註的最前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Trigger word</source>
            <translation>觸發詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>General tags from</source>
            <translation>一般標籤閾值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Character tags from</source>
            <translation>角色標籤閾值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Series tags from</source>
            <translation>作品標籤閾值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Artist tags from</source>
            <translation>畫師標籤閾值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Meta and any other category a tagger has</source>
            <translation>中繼標籤，以及標註模型的其他任何類別</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Other tags from</source>
            <translation>其他標籤閾值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Characters first</source>
            <translation>角色標籤放在前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Series first</source>
            <translation>作品標籤放在前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Underscores to spaces</source>
            <translation>底線轉為空格</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Escape parentheses</source>
            <translation>跳脫括號</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Content rating tag first</source>
            <translation>分級標籤放在最前</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>tags or globs, comma-separated: watermark, *_text</source>
            <translation>標籤或萬用字元，以逗號分隔：watermark, *_text</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Never write</source>
            <translation>不寫入的標籤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>old=new, comma-separated (new empty: drop)</source>
            <translation>舊=新，以逗號分隔（新的留空則刪除該標籤）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Replace</source>
            <translation>取代</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>no limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>At most tags</source>
            <translation>最多標籤數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Captions</source>
            <translation>標註</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Leave out near-duplicates (keeping each group's keeper)</source>
            <translation>排除近似重複圖（每組只用保留的那張）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Ratings</source>
            <translation>分級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>any</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>At least stars</source>
            <translation>最低星級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Only what my taste model likes, from</source>
            <translation>僅限喜好模型評分不低於</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Export the training set into</source>
            <translation>將訓練集匯出到</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>choose at least one content rating</source>
            <translation>請至少選擇一個分級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>Training set of {what} to {dest}</source>
            <translation>{what}的訓練集，匯出到 {dest}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>Training set: %Ln image(s) in {dir}</source>
            <translation>
                <numerusform>訓練集：{dir} 中共 %Ln 張圖片</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} written</source>
            <translation>寫入 {n} 張</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} unchanged</source>
            <translation>{n} 張未變</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} removed</source>
            <translation>刪除 {n} 張</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} failed (see the manifest)</source>
            <translation>{n} 張失敗（見清單檔案）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>cancelled: export again to finish</source>
            <translation>已取消：再次匯出即可完成</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>kohya-ss (repeats_concept folders, .txt captions)</source>
            <translation>kohya-ss（repeats_concept 資料夾，.txt 標註）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>OneTrainer (concept folders, concepts.json)</source>
            <translation>OneTrainer（概念資料夾，concepts.json）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Hugging Face image folder (metadata.jsonl)</source>
            <translation>Hugging Face 圖片資料夾（metadata.jsonl）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep the original size</source>
            <translation>保持原始尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Shrink to a longest side</source>
            <translation>縮小到指定長邊</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Aspect-ratio buckets</source>
            <translation>依長寬比分桶</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Crop to the bucket (centre)</source>
            <translation>裁切到分桶尺寸（置中）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Pad to the bucket</source>
            <translation>填補到分桶尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep (PNG, JPEG and WebP stay; others become PNG)</source>
            <translation>保持原格式（PNG、JPEG 和 WebP 不變；其他轉為 PNG）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Tags</source>
            <translation>標籤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The generation prompt</source>
            <translation>生成提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The prompt, else tags</source>
            <translation>優先用提示詞，沒有則用標籤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>general</source>
            <translation>全年齡</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>sensitive</source>
            <translation>敏感</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>questionable</source>
            <translation>存疑</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>explicit</source>
            <translation>露骨</translation>
        </message>
    </context>
    <context>
        <name>file_errors</name>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file is empty (0 bytes)</source>
            <translation>檔案是空的（0 位元組）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file is truncated: {detail}</source>
            <translation>檔案不完整（被截斷）：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the image data is corrupt: {detail}</source>
            <translation>影像資料已損毀：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>looks like {format} but the header is damaged</source>
            <translation>看起來是 {format}，但檔頭已損毀</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>header declares an empty size {size}</source>
            <translation>檔頭宣告的尺寸為空：{size}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{format} images are not supported</source>
            <translation>不支援 {format} 影像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{format} files are not supported</source>
            <translation>不支援 {format} 檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not an image format acgdesk can read</source>
            <translation>不是 acgdesk 能讀取的影像格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>this image variant is not supported: {detail}</source>
            <translation>不支援這種影像變體：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>ran out of memory while decoding</source>
            <translation>解碼時記憶體不足</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>image is too large to decode safely: {detail}</source>
            <translation>影像過大，無法安全解碼：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{size} = {pixels} pixels exceeds the decoding limit of {limit} pixels (raise it with --max-pixels if this image is real)</source>
            <translation>{size} = {pixels} 像素，超過解碼上限 {limit} 像素（如果這張圖確實如此，可用 --max-pixels 提高上限）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{size} is {pixels} pixels; upscaling is limited to {limit} input pixels</source>
            <translation>{size} 為 {pixels} 像素；放大的輸入上限為 {limit} 像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>animated {format} ({frames} frames) is not upscaled: only still images are; export the frame you want as a still image first</source>
            <translation>動態 {format}（{frames} 影格）不會被放大：只能放大靜態影像；請先把需要的那一格匯出為靜態影像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file changed while it was being read (still being written?)</source>
            <translation>讀取期間檔案發生了變化（還在寫入中？）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file disappeared before it could be read</source>
            <translation>檔案在讀取前消失了</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>permission denied: acgdesk may not read this file</source>
            <translation>權限不足：acgdesk 無權讀取此檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>this is a directory, not a file</source>
            <translation>這是資料夾，不是檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>symbolic link loop</source>
            <translation>符號連結循環</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>read error: {detail}</source>
            <translation>讀取錯誤：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>file not found: {path}</source>
            <translation>找不到檔案：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>permission denied: {path}</source>
            <translation>權限不足：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not a file: {path}</source>
            <translation>不是檔案：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not an image Pillow can read: {path}</source>
            <translation>不是 Pillow 能讀取的影像：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>cannot decode {name}: {detail}</source>
            <translation>無法解碼 {name}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is empty</source>
            <translation>檔案是空的</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is truncated</source>
            <translation>檔案不完整（被截斷）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The image data is damaged</source>
            <translation>影像資料已損毀</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>This format is not supported</source>
            <translation>不支援此格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The image is too large</source>
            <translation>影像過大</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>No permission to read the file</source>
            <translation>無權讀取此檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is gone</source>
            <translation>檔案已不存在</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file changed while it was read</source>
            <translation>讀取期間檔案發生了變化</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>A symbolic link loop</source>
            <translation>符號連結循環</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>Not a file</source>
            <translation>不是檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>A read error</source>
            <translation>讀取錯誤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>An internal error</source>
            <translation>內部錯誤</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{headline}: {message}</source>
            <translation>{headline}：{message}</translation>
        </message>
    </context>
    <context>
        <name>history_labels</name>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>pick</source>
            <translation>留用</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>%n star(s)</source>
            <translation>
                <numerusform>%n 星</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>not favourite</source>
            <translation>取消收藏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>reject</source>
            <translation>排除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>no flag</source>
            <translation>無旗標</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>tags {changes}: %n file(s)</source>
            <translation>
                <numerusform>標籤 {changes}：%n 個檔案</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new manual album '{name}'</source>
            <translation>新增相簿「{name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new smart album '{name}'</source>
            <translation>新增智慧相簿「{name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new group '{name}'</source>
            <translation>新增分組「{name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>album '{name}' changed</source>
            <translation>修改相簿「{name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>album '{name}' changed to '{new_name}'</source>
            <translation>相簿「{name}」改為「{new_name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>deleted album '{name}'</source>
            <translation>刪除相簿「{name}」</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>added %n file(s) to '{name}'</source>
            <translation>
                <numerusform>將 %n 個檔案加入「{name}」</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>removed %n file(s) from '{name}'</source>
            <translation>
                <numerusform>從「{name}」移除 %n 個檔案</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>reordered '{name}'</source>
            <translation>調整「{name}」的順序</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to {dest}</source>
            <translation>
                <numerusform>將 %n 個檔案移動到 {dest}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>copied %n file(s) to {dest}</source>
            <translation>
                <numerusform>將 %n 個檔案複製到 {dest}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to the trash</source>
            <translation>
                <numerusform>將 %n 個檔案移到資源回收筒</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what}: %n file(s)</source>
            <translation>
                <numerusform>{what}：%n 個檔案</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what} (%n failed: {error})</source>
            <translation>
                <numerusform>{what}（%n 個失敗：{error}）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what} (cancelled)</source>
            <translation>{what}（已取消）</translation>
        </message>
    </context>
    <context>
        <name>jobs</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Indexing %n folder(s)</source>
            <translation>
                <numerusform>正在為 %n 個資料夾建立索引</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Updating library</source>
            <translation>正在更新圖庫</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Installing {name}</source>
            <translation>正在安裝 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>ETA {t}</source>
            <translation>剩餘 {t}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Files in: {where}</source>
            <translation>檔案位置：{where}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Installing {name}: see the jobs panel</source>
            <translation>正在安裝 {name}：請檢視工作面板</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Importing {name}</source>
            <translation>正在匯入 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>HF_ENDPOINT is set ({url}) and wins</source>
            <translation>已設定 HF_ENDPOINT（{url}），以它為準</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Hub endpoint: {url}</source>
            <translation>Hub 位址：{url}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Now used in place: {ids}</source>
            <translation>現已就地使用：{ids}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>No new model found on disk ({n} copies seen)</source>
            <translation>磁碟上沒有找到新模型（看到 {n} 個副本）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale</source>
            <translation>放大</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale {name} {scale}x</source>
            <translation>放大 {name} {scale}x</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>starting</source>
            <translation>正在啟動</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>upscale failed</source>
            <translation>放大失敗</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/watching.py" />
            <source>Watching folders</source>
            <translation>正在監視資料夾</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/watching.py" />
            <source>Watching %n folder(s)</source>
            <translation>
                <numerusform>正在監視 %n 個資料夾</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
    </context>
    <context>
        <name>marks</name>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Favourite</source>
            <translation>收藏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Not a favourite</source>
            <translation>取消收藏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Pick</source>
            <translation>留用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Reject</source>
            <translation>排除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>No flag</source>
            <translation>無旗標</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>No stars</source>
            <translation>無星級</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Could not mark: {e}</source>
            <translation>無法標記：{e}</translation>
        </message>
    </context>
    <context>
        <name>prompts</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copied the parameters</source>
            <translation>已複製參數</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copied</source>
            <translation>已複製</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} selected images</source>
            <translation>選取的 {n} 張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} results</source>
            <translation>{n} 個結果</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} images</source>
            <translation>{n} 張圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export the prompts of {scope}</source>
            <translation>匯出{scope}的提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Text, one block per image (*.txt);;JSON lines (*.jsonl)</source>
            <translation>文字，每張圖片一段 (*.txt);;JSON Lines (*.jsonl)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Exporting {n} prompts</source>
            <translation>正在匯出 {n} 條提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export failed: {e}</source>
            <translation>匯出失敗：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} prompts written to {path}</source>
            <translation>已將 {n} 條提示詞寫入 {path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy prompt</source>
            <translation>複製提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy negative prompt</source>
            <translation>複製負面提示詞</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy parameters (A1111)</source>
            <translation>複製參數 (A1111)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this prompt</source>
            <translation>搜尋使用此提示詞的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this seed</source>
            <translation>搜尋使用此種子的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this model</source>
            <translation>搜尋使用此模型的圖片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Prompt statistics…</source>
            <translation>提示詞統計…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export prompts…</source>
            <translation>匯出提示詞…</translation>
        </message>
    </context>
    <context>
        <name>similar</name>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source>image data</source>
            <translation>影像資料</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source>similar to {what}</source>
            <translation>與 {what} 相似</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source> among {n} matching files</source>
            <translation>，範圍為 {n} 個符合的檔案</translation>
        </message>
    </context>
    <context>
        <name>transfer</name>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move</source>
            <translation>移動</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Copy</source>
            <translation>複製</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>{verb} %Ln file(s) to {dest}?</source>
            <translation>
                <numerusform>{verb} %Ln 個檔案到 {dest}？</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>{n} of them conflict with a file already there (in red): nothing is ever overwritten.</source>
            <translation>其中 {n} 個與已有檔案衝突（紅色顯示）：絕不會覆蓋任何檔案。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Nothing is overwritten; Ctrl+Z undoes it.</source>
            <translation>不會覆蓋任何檔案；Ctrl+Z 可復原。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>That folder is outside the library: the moved files leave it (what is known about them is kept for a while, should they come back).</source>
            <translation>該資料夾在圖庫之外：移動的檔案將離開圖庫（關於它們的資訊會保留一段時間，以防它們回來）。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move files</source>
            <translation>移動檔案</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Copy files</source>
            <translation>複製檔案</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move %Ln file(s) to the trash?
They can be restored from the trash, or with Ctrl+Z.</source>
            <translation>
                <numerusform>將 %Ln 個檔案移到資源回收筒？
可以從資源回收筒恢復，或按 Ctrl+Z。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move to trash</source>
            <translation>移到資源回收筒</translation>
        </message>
    </context>
</TS>
