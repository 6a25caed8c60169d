<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>AlbumsPanel</name>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>learnt from {liked} liked, {disliked} disliked images</source>
            <translation>已从 {liked} 张喜欢、{disliked} 张不喜欢的图片中学习</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>held-out AUC {auc}</source>
            <translation>留出集 AUC {auc}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>{n} images scored</source>
            <translation>已为 {n} 张图片打分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Albums</source>
            <translation>相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album, smart album or group</source>
            <translation>新建相册、智能相册或分组</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>What I'd like</source>
            <translation>猜你喜欢</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Album: drag images here to add them</source>
            <translation>相册：把图片拖到这里即可加入</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Smart album: {q}</source>
            <translation>智能相册：{q}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Group of albums</source>
            <translation>相册分组</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Images you have not marked yet, most like the ones you liked first</source>
            <translation>你尚未标记的图片，与你喜欢的最相似的排在前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Right-click: learn again</source>
            <translation>右键：重新学习</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album</source>
            <translation>新建相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the new album:</source>
            <translation>新相册的名称：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Search for something first: a smart album keeps a search</source>
            <translation>请先搜索：智能相册保存的是一次搜索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New smart album</source>
            <translation>新建智能相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the smart album for
{q}:</source>
            <translation>智能相册的名称，对应搜索
{q}：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New group</source>
            <translation>新建分组</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the new group:</source>
            <translation>新分组的名称：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New name for {n}:</source>
            <translation>{n} 的新名称：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album…</source>
            <translation>新建相册…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New smart album from the current search…</source>
            <translation>用当前搜索新建智能相册…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New group…</source>
            <translation>新建分组…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Learn my taste again</source>
            <translation>重新学习我的喜好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Use the current search as its query</source>
            <translation>使用当前搜索作为查询</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Move into group</source>
            <translation>移入分组</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>(top level)</source>
            <translation>（顶层）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Delete</source>
            <translation>删除</translation>
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
            <translation>保留这张</translation>
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
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Cannot show this image</source>
            <translation>无法显示这张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Compare {n} images</source>
            <translation>对比 {n} 张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Fit</source>
            <translation>适应</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Fit every image in its pane (F)</source>
            <translation>每张图片适应其窗格 (F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>100 %</source>
            <translation>100 %</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>The active image pixel for pixel (Z)</source>
            <translation>当前图片按原始像素显示 (Z)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Zoom out (−)</source>
            <translation>缩小 (−)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Zoom in (+)</source>
            <translation>放大 (+)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Side by side</source>
            <translation>并排</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Every image in its own pane (S)</source>
            <translation>每张图片各占一个窗格 (S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Swipe</source>
            <translation>滑动对比</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Two images under one divider: drag it to reveal one over the other (S)</source>
            <translation>两张图片共用一条分隔线：拖动它来显示其中一张 (S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Swipe compares exactly two images</source>
            <translation>滑动对比只能用于恰好两张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Wheel: zoom · drag: pan · 1–{n}: choose an image · Esc: close</source>
            <translation>滚轮：缩放 · 拖动：平移 · 1–{n}：选择图片 · Esc：关闭</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Could not read these files: {e}</source>
            <translation>无法读取这些文件：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Cannot show this image: {e}</source>
            <translation>无法显示这张图片：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>no pixels</source>
            <translation>无像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>fit, {p}</source>
            <translation>适应，{p}</translation>
        </message>
    </context>
    <context>
        <name>ConfidenceBar</name>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>set by you</source>
            <translation>由你设置</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>confidence {p:.2f}, shown from {t:.2f}</source>
            <translation>置信度 {p:.2f}，从 {t:.2f} 起显示</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Show in file manager</source>
            <translation>在文件管理器中显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Copy path</source>
            <translation>复制路径</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Find similar</source>
            <translation>查找相似图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Upscale…</source>
            <translation>超分放大…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Add tags (comma separated) and press Enter</source>
            <translation>添加标签（以逗号分隔）后按回车</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Select an image</source>
            <translation>请选择一张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Could not read this file's details: {e}</source>
            <translation>无法读取此文件的详细信息：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>No preview</source>
            <translation>无预览</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Blurred for its rating: click to show it</source>
            <translation>因分级已模糊：点击显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Scores</source>
            <translation>评分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>{kind} from {model}</source>
            <translation>{kind}，来自 {model}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Generation</source>
            <translation>生成信息</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Generator</source>
            <translation>生成工具</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Negative</source>
            <translation>反向提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Path</source>
            <translation>路径</translation>
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
            <translation>帧数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>EXIF</source>
            <translation>EXIF</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>{n} fields</source>
            <translation>{n} 个字段</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Indexed</source>
            <translation>已索引</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>No tags yet. Add your own above, or run a tagger.</source>
            <translation>还没有标签。可在上方自行添加，或运行打标模型。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>shown from {t}</source>
            <translation>从 {t} 起显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>you</source>
            <translation>你</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Remove this tag</source>
            <translation>移除此标签</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Could not change the tags: {e}</source>
            <translation>无法修改标签：{e}</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Duplicates</source>
            <translation>重复图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Move the others to the trash…</source>
            <translation>将其余的移到回收站…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Compare…</source>
            <translation>对比…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Looking for duplicates…</source>
            <translation>正在查找重复图片…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Could not look for duplicates: {e}</source>
            <translation>无法查找重复图片：{e}</translation>
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
            <translation>{n} 组；非建议保留的副本共占 {size}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source> (you chose another keeper)</source>
            <translation>（你选择了另一张保留）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Suggested keeper: </source>
            <translation>建议保留：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>No preview</source>
            <translation>无预览</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Keep {keeper} and move these %Ln file(s) to the trash?

{files}</source>
            <translation>
                <numerusform>保留 {keeper}，并将这 %Ln 个文件移到回收站？

{files}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Move to trash</source>
            <translation>移到回收站</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>%Ln file(s) moved to the trash</source>
            <translation>
                <numerusform>已将 %Ln 个文件移到回收站</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>not moved: </source>
            <translation>未移动：</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>no program given</source>
            <translation>未指定程序</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>No application opens {name}</source>
            <translation>没有可以打开 {name} 的应用程序</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Cannot run {c}: {e}</source>
            <translation>无法运行 {c}：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Could not start {program}</source>
            <translation>无法启动 {program}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Could not copy the image: {e}</source>
            <translation>无法复制图片：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with default application</source>
            <translation>用默认应用程序打开</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with…</source>
            <translation>打开方式…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Copy image</source>
            <translation>复制图片</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Export sidecars</source>
            <translation>导出附属文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Caption files (.txt): the tags, for training</source>
            <translation>标注文件 (.txt)：标签，用于训练</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>XMP sidecars (.xmp): tags as keywords, stars as rating</source>
            <translation>XMP 附属文件 (.xmp)：标签作为关键词，星级作为评级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Beside each image</source>
            <translation>放在每张图片旁边</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Into a folder…</source>
            <translation>导出到文件夹…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Sidecars for {what}; existing ones are not replaced.</source>
            <translation>{what}的附属文件；已有的不会被替换。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Export sidecars into</source>
            <translation>将附属文件导出到</translation>
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
            <translation>采样器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Generators</source>
            <translation>生成工具</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>&lt;b&gt;Made with&lt;/b&gt;</source>
            <translation>&lt;b&gt;生成来源&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Stats…</source>
            <translation>统计…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Prompt words and LoRAs used most (selection, else results)</source>
            <translation>最常用的提示词和 LoRA（选中的图片，否则为搜索结果）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Save the prompts of the selection (else the results) to a file</source>
            <translation>将选中图片（否则为搜索结果）的提示词保存到文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>No generation data in these results.</source>
            <translation>这些结果中没有生成信息。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Click to search {term}</source>
            <translation>点击搜索 {term}</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Best match, then newest</source>
            <translation>最佳匹配，然后最新</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Newest first</source>
            <translation>最新优先</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Oldest first</source>
            <translation>最旧优先</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Largest files</source>
            <translation>最大的文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Highest score</source>
            <translation>最高分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Random</source>
            <translation>随机</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Any rating</source>
            <translation>任意分级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>General</source>
            <translation>全年龄</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>General + sensitive</source>
            <translation>全年龄 + 敏感</translation>
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
            <translation>缩略图大小（在网格上按 Ctrl + 滚轮）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Squares</source>
            <translation>方格</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Square cells, every image fitted inside one</source>
            <translation>方形格子，每张图片缩放到格子内</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Justified</source>
            <translation>等高排列</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Rows of equal height, each image at its own shape</source>
            <translation>每行等高，每张图片保持原始比例</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Sort</source>
            <translation>排序</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Score</source>
            <translation>评分</translation>
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
            <translation>欢迎使用 acgdesk</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>acgdesk manages your art folders in place: it never moves, copies or changes an image.
Choose the folders to manage; they are indexed in the background and watched for changes.</source>
            <translation>acgdesk 就地管理你的图片文件夹：从不移动、复制或修改任何图片。
请选择要管理的文件夹；它们会在后台建立索引，并监视其变化。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Add folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Looking at the models…</source>
            <translation>正在查看模型…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>&lt;b&gt;Folders&lt;/b&gt;</source>
            <translation>&lt;b&gt;文件夹&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>&lt;b&gt;Models&lt;/b&gt; (offline ones work now; tick downloads you want)</source>
            <translation>&lt;b&gt;模型&lt;/b&gt;（离线模型现在即可使用；勾选想要下载的模型）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>{path}  — in the library, {n} images</source>
            <translation>{path}  — 已在图库中，{n} 张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>[offline]</source>
            <translation>[离线]</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Already managed by this library; it is kept up to date.</source>
            <translation>已由此图库管理，并会保持更新。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>A folder of images</source>
            <translation>一个图片文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>✓ {name} — ready (offline)</source>
            <translation>✓ {name} — 已就绪（离线）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>✗ {name} — its Python package is missing</source>
            <translation>✗ {name} — 缺少它的 Python 包</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Download {name}{size}</source>
            <translation>下载 {name}{size}</translation>
        </message>
    </context>
    <context>
        <name>GenerationDiffPanel</name>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Reading the generation parameters…</source>
            <translation>正在读取生成参数…</translation>
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
            <translation>采样器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Scheduler</source>
            <translation>调度器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>CFG scale</source>
            <translation>CFG 系数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Denoising strength</source>
            <translation>重绘幅度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Clip skip</source>
            <translation>Clip 跳过层数</translation>
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
            <translation>{b} 对比 {a}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Image 1 has no generation parameters.</source>
            <translation>图片 1 没有生成参数。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Image {n} has no generation parameters.</source>
            <translation>图片 {n} 没有生成参数。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Neither image has generation parameters.</source>
            <translation>两张图片都没有生成参数。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Negative prompt</source>
            <translation>反向提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>none in either</source>
            <translation>两边都没有</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>the same {n} words</source>
            <translation>相同的 {n} 个词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>in both ({n})</source>
            <translation>两边都有（{n}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>not recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>same: {f}</source>
            <translation>相同：{f}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>no settings recorded</source>
            <translation>没有记录设置</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Newest first. Greyed entries were undone: Redo does them again.</source>
            <translation>最新的在前。灰色条目已被撤销：重做会再次执行它们。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undone</source>
            <translation>已撤销</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Nothing done yet</source>
            <translation>尚未进行任何操作</translation>
        </message>
    </context>
    <context>
        <name>ImageCanvas</name>
        <message>
            <location filename="../../acgdesk/gui/view/canvas.py" />
            <source>This picture cannot be shown.
{reason}</source>
            <translation>无法显示这张图片。
{reason}</translation>
        </message>
    </context>
    <context>
        <name>InfoOverlay</name>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>{n} frames</source>
            <translation>{n} 帧</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Rating</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Scores</source>
            <translation>评分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Negative</source>
            <translation>反向提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>No information: {e}</source>
            <translation>没有信息：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>not in the library</source>
            <translation>不在图库中</translation>
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
            <translation>按{method}排序</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>, best {n} of {total}</source>
            <translation>，{total} 个中最佳的 {n} 个</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Jobs</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Add folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Update library</source>
            <translation>更新图库</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Duplicates…</source>
            <translation>重复图片…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Models…</source>
            <translation>模型…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Find similar to the clipboard image</source>
            <translation>查找与剪贴板图片相似的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Compare</source>
            <translation>对比</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln{more} images…</source>
            <translation>
                <numerusform>%Ln{more} 张图片…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln images</source>
            <translation>
                <numerusform>%Ln 张图片</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Search failed: {e}</source>
            <translation>搜索失败：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Select two to four images to compare</source>
            <translation>请选择两到四张图片进行对比</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Find similar</source>
            <translation>查找相似图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Upscale…</source>
            <translation>超分放大…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Show in file manager</source>
            <translation>在文件管理器中显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Copy path</source>
            <translation>复制路径</translation>
        </message>
    </context>
    <context>
        <name>MarksBar</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>%n star(s) (key {key}); click again for none</source>
            <translation>
                <numerusform>%n 星（按键 {key}）；再次点击取消</numerusform>
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
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>★ keep</source>
            <translation>★ 保留</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>to trash</source>
            <translation>移到回收站</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Keep this one</source>
            <translation>保留这张</translation>
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
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Good at</source>
            <translation>擅长</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Install</source>
            <translation>安装</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Import from folder…</source>
            <translation>从文件夹导入…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Use checked models when indexing</source>
            <translation>索引时使用勾选的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Find on disk</source>
            <translation>在磁盘上查找</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Use models already in the Hugging Face cache, ComfyUI or WebUI folders (linked, not copied)</source>
            <translation>使用 Hugging Face 缓存、ComfyUI 或 WebUI 文件夹中已有的模型（链接，不复制）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>https://huggingface.co (or a mirror; HF_ENDPOINT overrides)</source>
            <translation>https://huggingface.co（或镜像；HF_ENDPOINT 优先）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Hub endpoint:</source>
            <translation>Hub 地址：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Checking runtimes and devices…</source>
            <translation>正在检查运行时和设备…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Catalogue</source>
            <translation>模型目录</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Devices (doctor)</source>
            <translation>设备（诊断）</translation>
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
            <translation>擅长：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Folder with the model's files</source>
            <translation>包含模型文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Looking for models on disk…</source>
            <translation>正在磁盘上查找模型…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Indexing will run: {ids}</source>
            <translation>索引时将运行：{ids}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Doctor failed: {e}</source>
            <translation>诊断失败：{e}</translation>
        </message>
    </context>
    <context>
        <name>OpenWithDialog</name>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with</source>
            <translation>打开方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>a program, e.g. gimp, or krita --nosplash {file}</source>
            <translation>一个程序，例如 gimp，或 krita --nosplash {file}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>{file} in the command stands for the picture; without it the picture is added at the end.</source>
            <translation>命令中的 {file} 代表图片；如果没有它，图片会加在末尾。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open {name} with:</source>
            <translation>用以下程序打开 {name}：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Choose a program</source>
            <translation>选择程序</translation>
        </message>
    </context>
    <context>
        <name>PictureLoader</name>
        <message>
            <location filename="../../acgdesk/gui/view/image_source.py" />
            <source>not enough memory to decode this picture</source>
            <translation>内存不足，无法解码这张图片</translation>
        </message>
    </context>
    <context>
        <name>PromptBar</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the prompt</source>
            <translation>复制提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Negative</source>
            <translation>反向提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the negative prompt</source>
            <translation>复制反向提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>A1111</source>
            <translation>A1111</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the parameters as Stable Diffusion WebUI writes them</source>
            <translation>按 Stable Diffusion WebUI 的格式复制参数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Search for images made with the same…</source>
            <translation>搜索用相同…生成的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same prompt</source>
            <translation>相同提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same seed</source>
            <translation>相同种子</translation>
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
            <translation>提示词统计</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Counting the prompts of {scope}…</source>
            <translation>正在统计{scope}的提示词…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Word</source>
            <translation>词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Images</source>
            <translation>图片数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>LoRA</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Mean weight</source>
            <translation>平均权重</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Prompt words</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Negative words</source>
            <translation>反向提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>LoRAs</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Copy as text</source>
            <translation>复制为文本</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Could not count the prompts: {e}</source>
            <translation>无法统计提示词：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>{scope}: {n} images with generation data, {p} with a prompt.</source>
            <translation>{scope}：{n} 张图片有生成信息，其中 {p} 张有提示词。</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <location filename="../../acgdesk/gui/search_bar.py" />
            <source>Search: tags, rating:safe, score:&gt;0.7, width:&gt;=2000, sort:date, free words…</source>
            <translation>搜索：标签、rating:safe、score:&gt;0.7、width:&gt;=2000、sort:date、自由文字…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/search_bar.py" />
            <source>Column {col}: {message}</source>
            <translation>第 {col} 列：{message}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/i18n.py" />
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Never</source>
            <translation>从不</translation>
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
            <translation>仅露骨</translation>
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
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Show {k} tags from</source>
            <translation>显示 {k} 标签的阈值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Device for models</source>
            <translation>模型运行设备</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Run the chosen models while indexing</source>
            <translation>索引时运行所选模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Thumbnail size</source>
            <translation>缩略图大小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Grid layout</source>
            <translation>网格布局</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Blurred images are shown when clicked, until the next search</source>
            <translation>模糊的图片在点击后显示，直到下一次搜索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Blur images rated</source>
            <translation>模糊分级为以下及以上的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>After a mark key (0-5, F, P, X), go to the next image</source>
            <translation>按下标记键（0-5、F、P、X）后，跳到下一张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Language (after restart)</source>
            <translation>语言（重启后生效）</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Add folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>All images  ({n})</source>
            <translation>全部图片  （{n}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>[offline]</source>
            <translation>[离线]</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>{path}
{ok} images, {failed} unreadable, last scan {scan}</source>
            <translation>{path}
{ok} 张图片，{failed} 张无法读取，上次扫描 {scan}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Offline: the folder was not found; its files are kept.</source>
            <translation>离线：找不到该文件夹；其中文件的信息会保留。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>{path}
{n} images here and in its sub-folders</source>
            <translation>{path}
此文件夹及其子文件夹中共 {n} 张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Add a folder to the library</source>
            <translation>向图库添加文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Remove folder</source>
            <translation>移除文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Stop managing {path}?

The images stay on disk untouched; only what acgdesk learnt about them (tags, scores) is forgotten.</source>
            <translation>停止管理 {path}？

图片会原封不动地留在磁盘上；只会忘记 acgdesk 对它们了解的信息（标签、评分）。</translation>
        </message>
    </context>
    <context>
        <name>SimilarAndUpscale</name>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>Looking for images similar to {s}…</source>
            <translation>正在查找与 {s} 相似的图片…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>Drop an image file or the image itself; acgdesk does not download {u}</source>
            <translation>请拖入图片文件或图片本身；acgdesk 不会下载 {u}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>The clipboard holds no image</source>
            <translation>剪贴板中没有图片</translation>
        </message>
    </context>
    <context>
        <name>Slideshow</name>
        <message>
            <location filename="../../acgdesk/gui/view/slideshow.py" />
            <source>slideshow every {s} s</source>
            <translation>幻灯片每 {s} 秒</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/slideshow.py" />
            <source>, shuffled</source>
            <translation>，随机顺序</translation>
        </message>
    </context>
    <context>
        <name>TagsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Edit tags</source>
            <translation>编辑标签</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>tags to add, comma separated</source>
            <translation>要添加的标签，以逗号分隔</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>tags to remove, comma separated</source>
            <translation>要移除的标签，以逗号分隔</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Tags of {what}. A removed model tag stays rejected; Ctrl+Z undoes.</source>
            <translation>{what}的标签。被移除的模型标签会一直保持移除；Ctrl+Z 可撤销。</translation>
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
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>History…</source>
            <translation>历史记录…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo {what}</source>
            <translation>撤销{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo {what}</source>
            <translation>重做{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Could not redo: {e}</source>
            <translation>无法重做：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Could not undo: {e}</source>
            <translation>无法撤销：{e}</translation>
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
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Light</source>
            <translation>轻度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Medium</source>
            <translation>中度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Strong</source>
            <translation>强力</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale %n image(s)</source>
            <translation>
                <numerusform>超分放大 %n 张图片</numerusform>
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
            <translation>每张原图旁边会写入一个新文件；原图绝不会被修改。</translation>
        </message>
    </context>
    <context>
        <name>Viewer</name>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>paused (K)</source>
            <translation>已暂停 (K)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>frame {i} / {n}</source>
            <translation>第 {i} / {n} 帧</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Copied the image</source>
            <translation>已复制图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Blurred for its content rating: click to show</source>
            <translation>因内容分级已模糊：点击显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Slideshow</source>
            <translation>幻灯片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Seconds per picture:</source>
            <translation>每张图片的秒数：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>View</source>
            <translation>查看</translation>
        </message>
    </context>
    <context>
        <name>ViewerMenu</name>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Next</source>
            <translation>下一张</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Previous</source>
            <translation>上一张</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Fit to window</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Actual size (100 %)</source>
            <translation>实际大小 (100 %)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Rotate clockwise</source>
            <translation>顺时针旋转</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Rotate anticlockwise</source>
            <translation>逆时针旋转</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Full screen</source>
            <translation>全屏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Information</source>
            <translation>信息</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Play animation</source>
            <translation>播放动画</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Pause animation</source>
            <translation>暂停动画</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Stars</source>
            <translation>星级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>No stars</source>
            <translation>无星级</translation>
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
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Stop slideshow</source>
            <translation>停止幻灯片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Start slideshow</source>
            <translation>开始幻灯片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Shuffle</source>
            <translation>随机播放</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Slideshow interval…</source>
            <translation>幻灯片间隔…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Back to the grid</source>
            <translation>返回网格</translation>
        </message>
    </context>
    <context>
        <name>WrapLabel</name>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
    </context>
    <context>
        <name>batch</name>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{n} selected</source>
            <translation>已选 {n} 张</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>1 image</source>
            <translation>1 张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>all {n} results</source>
            <translation>全部 {n} 个结果</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Stars</source>
            <translation>星级</translation>
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
            <translation>旗标</translation>
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
            <translation>无旗标</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Edit tags…</source>
            <translation>编辑标签…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Add to album</source>
            <translation>添加到相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>New album…</source>
            <translation>新建相册…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Remove from album</source>
            <translation>从相册移除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Export sidecars…</source>
            <translation>导出附属文件…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copy to folder…</source>
            <translation>复制到文件夹…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to folder…</source>
            <translation>移动到文件夹…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to trash…</source>
            <translation>移到回收站…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Export training set…</source>
            <translation>导出训练集…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Not available in this version of the library core</source>
            <translation>此版本的图库核心不支持此功能</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Nothing selected</source>
            <translation>未选择任何内容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Apply to {what}</source>
            <translation>应用于{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>New album</source>
            <translation>新建相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Name of the album for {what}:</source>
            <translation>{what}的相册名称：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>writing sidecars</source>
            <translation>正在写入附属文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Exporting sidecars for {what}</source>
            <translation>正在导出{what}的附属文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving and copying files needs a newer library core</source>
            <translation>移动和复制文件需要更新版本的图库核心</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to folder</source>
            <translation>移动到文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copy to folder</source>
            <translation>复制到文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Checking {what}…</source>
            <translation>正在检查{what}…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Cannot do that: {e}</source>
            <translation>无法执行：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Nothing to move or copy</source>
            <translation>没有要移动或复制的内容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving</source>
            <translation>正在移动</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copying</source>
            <translation>正在复制</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{verb} {what} to {dest}</source>
            <translation>{verb}{what}到 {dest}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving files to the trash needs a newer library core</source>
            <translation>将文件移到回收站需要更新版本的图库核心</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving {what} to the trash</source>
            <translation>正在将{what}移到回收站</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{what} failed: {e}</source>
            <translation>{what}失败：{e}</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>ViT-B/16 @448, 5000+ Danbooru tags, sigmoid, F1 0.578 at threshold 0.4; works on drawn and photographic images.</source>
            <translation>ViT-B/16 @448，5000+ 个 Danbooru 标签，sigmoid 输出，阈值 0.4 时 F1 为 0.578；适用于绘画和照片。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ViT); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 标签器（ViT）；输出通用、角色和分级标签，各有独立阈值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (SwinV2); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 标签器（SwinV2）；输出通用、角色和分级标签，各有独立阈值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ConvNeXt); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 标签器（ConvNeXt）；输出通用、角色和分级标签，各有独立阈值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ViT-Large); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 标签器（ViT-Large）；输出通用、角色和分级标签，各有独立阈值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (EVA02-Large); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru 标签器（EVA02-Large）；输出通用、角色和分级标签，各有独立阈值。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>timm CAFormer-B36 (134.0M params) on the Danbooru wdtagger-v4 set: 12,476 tags (9,225 general, 3,247 character, 4 rating), 384x384; exact preprocessing from its preprocess.json.</source>
            <translation>timm CAFormer-B36（1.34 亿参数），基于 Danbooru wdtagger-v4 数据集：12,476 个标签（9,225 个通用、3,247 个角色、4 个分级），384x384；严格按其 preprocess.json 预处理。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>EVA02-Large encoder of WD v3 with a head retrained on Danbooru to 2025-01: 13,461 tags (9,741 general, 3,720 character; no rating tags), 448x448 stretched, bilinear, (x-0.5)/0.5.</source>
            <translation>WD v3 的 EVA02-Large 编码器，输出头用截至 2025-01 的 Danbooru 数据重新训练：13,461 个标签（9,741 个通用、3,720 个角色；无分级标签），拉伸至 448x448，双线性插值，(x-0.5)/0.5。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Image and text towers in one 512-d space: search images by a sentence.</source>
            <translation>图像和文本编码器共用一个 512 维空间：用一句话搜索图片。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>One 0..1 aesthetic score per image; 768 px letterboxed on black, 0..1 input.</source>
            <translation>每张图片一个 0..1 的美学评分；以黑边补成 768 px，输入范围 0..1。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>512-d pooled features of a ResNet-18 (the tensor before its classifier): offline similar-image search.</source>
            <translation>ResNet-18 的 512 维池化特征（分类层之前的张量）：离线相似图片搜索。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>YOLOv8n body-part detector; detections map to general / sensitive / questionable / explicit.</source>
            <translation>YOLOv8n 身体部位检测器；检测结果映射为 general / sensitive / questionable / explicit。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>384-d sentence embeddings of tags, prompts and names: offline semantic search.</source>
            <translation>标签、提示词和名称的 384 维句向量：离线语义搜索。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Anime super-resolution 2x/3x/4x with denoise levels; CPU or Vulkan GPU.</source>
            <translation>动漫图像超分放大 2x/3x/4x，可选降噪等级；使用 CPU 或 Vulkan GPU。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Resolution and sharpness (variance of the Laplacian); no model needed.</source>
            <translation>分辨率和清晰度（拉普拉斯方差）；无需模型。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>512-d embeddings of Chinese, Japanese and English anime words (titles, characters, tags): choose it as the text encoder so 猫耳 or ネコミミ finds cat_ears.</source>
            <translation>中文、日文和英文动漫词语（作品名、角色、标签）的 512 维向量：选它作为文本编码器，搜索 猫耳 或 ネコミミ 也能找到 cat_ears。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>OpenAI CLIP ViT-L/14 fine-tuned on Danbooru 2021: anime text-to-image search, image and text in one 768-d space; 224 px, shortest side resized and centre-cropped.</source>
            <translation>在 Danbooru 2021 上微调的 OpenAI CLIP ViT-L/14：动漫以文搜图，图像和文本共用一个 768 维空间；224 px，短边缩放后居中裁剪。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>general tags on any image, photos included; no character or rating tags</source>
            <translation>任何图片的通用标签，照片也可以；不输出角色和分级标签</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>balanced general tags; the smallest WD v3</source>
            <translation>通用标签表现均衡；最小的 WD v3</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>best general-tag accuracy of the base-size WD v3 models</source>
            <translation>基础尺寸 WD v3 中通用标签最准确</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>good general tags from a convolutional backbone</source>
            <translation>卷积骨干网络，通用标签效果好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>more accurate general and character tags than the base models</source>
            <translation>通用和角色标签比基础模型更准确</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>the most accurate WD v3, strongest on characters</source>
            <translation>最准确的 WD v3，角色识别最强</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>newest Danbooru-v4 tag set with ratings; animetimm's recommended model</source>
            <translation>最新的 Danbooru-v4 标签集，含分级；animetimm 推荐的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>recent characters and series (data to 2025-01), recall-first: finds more tags to filter</source>
            <translation>认识较新的角色和作品（数据截至 2025-01），召回优先：找出更多标签供筛选</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>search by an English sentence ("girl under cherry blossoms"); weak on character names</source>
            <translation>用英文句子搜索（"girl under cherry blossoms"）；不擅长角色名</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>sorting anime illustrations by how polished they look; meaningless on photos</source>
            <translation>按精致程度给动漫插画排序；对照片无意义</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline similar-image search (near duplicates, same scene); its own anime/not-anime class is not reliable and is not shown</source>
            <translation>离线相似图片搜索（近似重复、同一场景）；它自带的动漫/非动漫分类不可靠，不予显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline content rating from exposed body parts; trained on photos, rougher on drawings</source>
            <translation>根据裸露的身体部位离线判断分级；用照片训练，对绘画较粗糙</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline search of tags, prompts and names by meaning (English)</source>
            <translation>按含义离线搜索标签、提示词和名称（英文）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>upscaling anime art 2-4x with clean lines; not for photos</source>
            <translation>将动漫图像超分放大 2-4 倍，线条干净；不适合照片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>finding small, blurry or out-of-focus files</source>
            <translation>找出尺寸小、模糊或失焦的文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>multilingual (Chinese / Japanese / English) search of tags, prompts and names; knows anime titles and characters</source>
            <translation>多语言（中文 / 日文 / 英文）搜索标签、提示词和名称；认识动漫作品和角色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>text-to-image search in Danbooru's own words (tags, characters, series)</source>
            <translation>用 Danbooru 自己的词汇（标签、角色、作品）以文搜图</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>no network: thousands of images a second</source>
            <translation>不用神经网络：每秒数千张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>small network: tens of images a second on a CPU</source>
            <translation>小型网络：CPU 上每秒数十张</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>base-size network: about one image a second on a CPU, GPU advised for big libraries</source>
            <translation>基础尺寸网络：CPU 上约每秒一张，大图库建议使用 GPU</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>large network: seconds per image on a CPU, GPU strongly advised</source>
            <translation>大型网络：CPU 上每张需数秒，强烈建议使用 GPU</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>computed without model files</source>
            <translation>无需模型文件即可计算</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>how polished an anime illustration looks, 0..1 (meaningless on photos)</source>
            <translation>动漫插画看起来有多精致，0..1（对照片无意义）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>resolution and focus, 0..1: 0.5 is the usual blurry-below line, crisp line art nears 1</source>
            <translation>分辨率和对焦，0..1：通常低于 0.5 算模糊，清晰的线稿接近 1</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>width x height of the original file in millions of pixels</source>
            <translation>原文件的宽 x 高，单位为百万像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>variance of the Laplacian at 512 px, the raw number behind sharpness</source>
            <translation>512 px 下的拉普拉斯方差，清晰度背后的原始数值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>how much this looks like the images you marked as liked, 0..1 (learnt from your marks)</source>
            <translation>与你标记为喜欢的图片有多相似，0..1（从你的标记中学习）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime-or-not class score: wrong on many photos as computed, so not shown</source>
            <translation>anime-or-not 的分类分数：按目前的算法对许多照片判断错误，因此不显示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>a score stored by a model; no description is known</source>
            <translation>由模型存储的分数；没有已知说明</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime-aesthetic model</source>
            <translation>anime-aesthetic 模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>no model</source>
            <translation>无模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>your marks</source>
            <translation>你的标记</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>unknown model</source>
            <translation>未知模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>see the model card</source>
            <translation>见模型卡</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>not stated on the model card</source>
            <translation>模型卡未注明</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>unknown (package metadata gives none)</source>
            <translation>未知（软件包元数据未注明）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>AGPL-3.0 (LICENSE file; the package metadata says MIT)</source>
            <translation>AGPL-3.0（LICENSE 文件；软件包元数据写的是 MIT）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Apache-2.0 (model); MIT (package)</source>
            <translation>Apache-2.0（模型）；MIT（软件包）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>MIT (weights); BSD-3-Clause (package)</source>
            <translation>MIT（权重）；BSD-3-Clause（软件包）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>MIT (the repository's first model card; the current card names none)</source>
            <translation>MIT（仓库最初的模型卡；当前的模型卡未注明）</translation>
        </message>
    </context>
    <context>
        <name>core_errors</name>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source> (did you mean '{word}'?)</source>
            <translation>（你是不是想输入 '{word}'？）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: the smart album '{name}' has a query that does not parse: {error}</source>
            <translation>album: 智能相册 '{name}' 的查询无法解析：{error}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unterminated quote: add a closing "</source>
            <translation>引号未闭合：请补上 "</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to negate after '-' (write -tag, without a space)</source>
            <translation>'-' 后面没有要排除的内容（写成 -tag，中间不要加空格）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unmatched ')': no '(' before it</source>
            <translation>多余的 ')'：前面没有对应的 '('</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{op} needs a term on its left</source>
            <translation>{op} 左边需要一个条件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{op} needs a term on its right</source>
            <translation>{op} 右边需要一个条件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to negate after {op}</source>
            <translation>{op} 后面没有要排除的内容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>missing ')' to close this '('</source>
            <translation>缺少 ')' 来闭合这个 '('</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>empty parentheses</source>
            <translation>括号中是空的</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unexpected {token}</source>
            <translation>意外的 {token}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown field '{name}'{did_you_mean}; valid fields: {fields} (to search for the text itself, put it in quotes; for a tag, write tag:...)</source>
            <translation>未知字段 '{name}'{did_you_mean}；可用字段：{fields}（要搜索这段文字本身，请加上引号；要搜索标签，请写 tag:...）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: needs a value</source>
            <translation>{field}: 需要一个值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>is: unknown value '{value}'{did_you_mean}; expected fav, pick, reject or marked</source>
            <translation>is: 未知的值 '{value}'{did_you_mean}；应为 fav、pick、reject 或 marked</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: unknown value '{value}'{did_you_mean}; expected one of {values}</source>
            <translation>{field}: 未知的值 '{value}'{did_you_mean}；应为以下之一：{values}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>'{words}' is free text (semantic search), which cannot be negated or used with OR; for a tag write tag:{tag}</source>
            <translation>'{words}' 是自由文本（语义搜索），不能被排除或与 OR 一起使用；要搜索标签请写 tag:{tag}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: cannot be negated or used with OR</source>
            <translation>sort: 不能被排除或与 OR 一起使用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: a range takes no '{op}'</source>
            <translation>{field}: 范围不能带 '{op}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: a range needs at least one end, e.g. 1..5</source>
            <translation>{field}: 范围至少需要一端，例如 1..5</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: empty range, {low} is after {high}</source>
            <translation>{field}: 范围为空，{low} 在 {high} 之后</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a value after '{op}'</source>
            <translation>{field}: '{op}' 后面需要一个值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a number, got '{text}'</source>
            <translation>{field}: 应为数字，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a whole number, got '{text}'</source>
            <translation>{field}: 应为整数，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>stars: from 0 to 5, got {stars}</source>
            <translation>stars: 应为 0 到 5，而不是 {stars}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>size: expected a size like 500KB or 2.5MB, got '{text}'</source>
            <translation>size: 应为 500KB 或 2.5MB 这样的大小，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score: expected a comparison such as score:&gt;0.7 or score:{text}&gt;0.7</source>
            <translation>score: 需要一个比较，例如 score:&gt;0.7 或 score:{text}&gt;0.7</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score: expected a score kind before the comparison</source>
            <translation>score: 比较之前需要写出评分类型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>ratio: expected 16:9 or 1.78, got '{text}'</source>
            <translation>ratio: 应为 16:9 或 1.78 这样的值，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>ratio: '{text}' has a zero side</source>
            <translation>ratio: '{text}' 有一边为零</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>date: expected YYYY, YYYY-MM, YYYY-MM-DD or an age like 7d, got '{text}'</source>
            <translation>date: 应为 YYYY、YYYY-MM、YYYY-MM-DD 或 7d 这样的时长，而不是 '{text}'</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>date: invalid date '{text}' ({detail})</source>
            <translation>date: 无效的日期 '{text}'（{detail}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: unknown rating '{value}'{did_you_mean}; expected general (safe, g), sensitive (s), questionable (q) or explicit (e)</source>
            <translation>rating: 未知的分级 '{value}'{did_you_mean}；应为 general (safe, g)、sensitive (s)、questionable (q) 或 explicit (e)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: '{op}' takes one rating</source>
            <translation>rating: '{op}' 只能搭配一个分级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: no rating is {op} {rating}</source>
            <translation>rating: 没有分级满足 {op} {rating}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: takes no comparison</source>
            <translation>{field}: 不能使用比较</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: unknown key '{value}'{did_you_mean}; expected one of {keys}</source>
            <translation>sort: 未知的排序键 '{value}'{did_you_mean}；应为以下之一：{keys}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: expected sort:taste, sort:taste:asc or :desc</source>
            <translation>sort: 应为 sort:taste、sort:taste:asc 或 :desc</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: expected sort:{key}, sort:{key}:asc or sort:{key}:desc</source>
            <translation>sort: 应为 sort:{key}、sort:{key}:asc 或 sort:{key}:desc</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score:{kind} is not offered: {meaning}</source>
            <translation>score:{kind} 不可用：{meaning}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: this search has no albums to look in</source>
            <translation>album: 此搜索没有可供查找的相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: no album named '{name}'</source>
            <translation>album: 没有名为 '{name}' 的相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: the smart album '{name}' refers to itself</source>
            <translation>album: 智能相册 '{name}' 引用了自身</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>a content rating</source>
            <translation>内容分级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>resize</source>
            <translation>缩放方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>fit</source>
            <translation>适配方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>image format</source>
            <translation>图片格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>max side</source>
            <translation>最长边</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>bucket resolution</source>
            <translation>分桶分辨率</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>bucket step</source>
            <translation>分桶步长</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum side</source>
            <translation>最短边</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>caption source</source>
            <translation>标注来源</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>repeats</source>
            <translation>重复次数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{option} must be one of {choices}, not {value}</source>
            <translation>{option} 必须是 {choices} 之一，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{option} must be at least {low}, not {value}</source>
            <translation>{option} 至少为 {low}，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>colour must be #rrggbb, #rgb, white, black or grey, not {value}</source>
            <translation>颜色必须是 #rrggbb、#rgb、white、black 或 grey，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum stars must be 0 to 5, not {value}</source>
            <translation>最低星级必须是 0 到 5，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum taste must be between 0 and 1, not {value}</source>
            <translation>最低偏好度必须在 0 到 1 之间，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>quality must be 1 to 100, not {value}</source>
            <translation>质量必须是 1 到 100，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>buckets need step &lt;= min &lt;= max, not {step} / {min} / {max}</source>
            <translation>分桶需要满足 step &lt;= min &lt;= max，而不是 {step} / {min} / {max}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>the validation fraction must be from 0 up to (not including) 1, not {value}</source>
            <translation>验证集比例必须不小于 0 且小于 1，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>kohya's folder layout has no validation split: use --format hf or onetrainer, or set validation_split in sd-scripts' own dataset config</source>
            <translation>kohya 的文件夹结构没有验证集划分：请使用 --format hf 或 onetrainer，或在 sd-scripts 自己的数据集配置中设置 validation_split</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown part of the dataset options: {part}</source>
            <translation>数据集选项中的未知部分：{part}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown {part} option(s): {names}</source>
            <translation>
                <numerusform>未知的 {part} 选项：{names}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} exists and is not a folder</source>
            <translation>{path} 已存在且不是文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not empty and holds no acgdesk dataset: choose an empty or new folder (a dataset is never mixed into other files)</source>
            <translation>{path} 不是空的，也不包含 acgdesk 数据集：请选择一个空的或新的文件夹（数据集绝不会与其他文件混在一起）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot create {path}: {detail}</source>
            <translation>无法创建 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>refused a target name {name}</source>
            <translation>拒绝了目标名称 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name} would be written outside {root}</source>
            <translation>{name} 会被写到 {root} 之外</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name}: a symbolic link is in its place</source>
            <translation>{name}: 该位置上有一个符号链接</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>refused a folder name {name}</source>
            <translation>拒绝了文件夹名称 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name} is outside {root}</source>
            <translation>{name} 在 {root} 之外</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>not an acgdesk dataset manifest (version {version})</source>
            <translation>不是 acgdesk 数据集清单（版本 {version}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>the dataset manifest is damaged: {detail}</source>
            <translation>数据集清单已损坏：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>no dataset manifest at {path}</source>
            <translation>{path} 处没有数据集清单</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot read {path}: {detail}</source>
            <translation>无法读取 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not valid JSON: {detail}</source>
            <translation>{path} 不是有效的 JSON：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not a dataset manifest</source>
            <translation>{path} 不是数据集清单</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to export: no file matches the query and filters</source>
            <translation>没有可导出的内容：没有文件符合查询和筛选条件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is inside the library folder {folder}: its copies would be indexed as duplicates of the originals. Choose a folder outside the library (or allow it explicitly)</source>
            <translation>{path} 位于图库文件夹 {folder} 中：其中的副本会被当作原图的重复项编入索引。请选择图库以外的文件夹（或明确允许）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} holds the library folder {folder}: choose another folder</source>
            <translation>{path} 包含图库文件夹 {folder}：请选择其他文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{message} (at position {position})</source>
            <translation>{message}（位置 {position}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot create the library folder {path}: {detail}</source>
            <translation>无法创建图库文件夹 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot open {path}: {detail}</source>
            <translation>无法打开 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not a folder: {path}</source>
            <translation>不是文件夹：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>not in the library: {ref}</source>
            <translation>不在图库中：{ref}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>this library was written by a newer acgdesk (unknown schema migrations: {migrations}); upgrade acgdesk to open it</source>
            <translation>此图库由更新版本的 acgdesk 写入（未知的数据库结构迁移：{migrations}）；请升级 acgdesk 后再打开</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>manual</source>
            <translation>普通</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>smart</source>
            <translation>智能</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>group</source>
            <translation>分组</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>an album needs a name</source>
            <translation>相册需要名称</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>an album name may have at most {max} characters</source>
            <translation>
                <numerusform>相册名称最多 {max} 个字符</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album named {name}; albums: {albums}</source>
            <translation>没有名为 {name} 的相册；现有相册：{albums}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album named {name}; there are no albums yet</source>
            <translation>没有名为 {name} 的相册；目前还没有任何相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album with id {id}</source>
            <translation>没有 ID 为 {id} 的相册</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>album kind must be one of {kinds}</source>
            <translation>相册类型必须是 {kinds} 之一</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a smart album needs a query</source>
            <translation>智能相册需要查询条件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a {kind} album has no query</source>
            <translation>{kind}相册不能有查询条件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>there is already an album or group named {name}</source>
            <translation>已有名为 {name} 的相册或分组</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{name} is an album, not a group: albums nest in groups only</source>
            <translation>{name} 是相册而不是分组：相册只能放入分组中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a group cannot be placed inside itself</source>
            <translation>分组不能放入其自身</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>only a smart album has a query, and it cannot be empty</source>
            <translation>只有智能相册才有查询条件，且不能为空</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{name} is a {kind} album: images are added to manual albums only</source>
            <translation>{name} 是{kind}相册：只能向普通相册添加图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} is a {task} model, not a text encoder</source>
            <translation>{model} 是{task}模型，不是文本编码器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>the text encoder {model} needs a model store</source>
            <translation>文本编码器 {model} 需要模型库</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no image embeddings in this library: run acgdesk index with an image embedder</source>
            <translation>此图库中没有图像嵌入：请用图像嵌入模型运行 acgdesk index</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} is not a model this acgdesk can run</source>
            <translation>{model} 不是此版本 acgdesk 能运行的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no model store to load the image model from</source>
            <translation>没有可加载图像模型的模型库</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot read the image: {detail}</source>
            <translation>无法读取图片：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} gave no embedding</source>
            <translation>{model} 没有输出嵌入向量</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>file {id} has no {model} embedding yet: run acgdesk index</source>
            <translation>文件 {id} 还没有 {model} 的嵌入向量：请运行 acgdesk index</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>unreadable index manifest {path}: {detail}</source>
            <translation>无法读取索引清单 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>index manifest {path} is not an object</source>
            <translation>索引清单 {path} 不是 JSON 对象</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>index manifest {path} is incomplete: {detail}</source>
            <translation>索引清单 {path} 不完整：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} has format {found}, expected {expected}</source>
            <translation>{path} 的格式为 {found}，应为 {expected}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} was built for model {found}, not {expected}</source>
            <translation>{path} 是为模型 {found} 构建的，而不是 {expected}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} has dimension {found}, the vectors have {expected}</source>
            <translation>{path} 的维度为 {found}，而向量的维度为 {expected}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} is {size} bytes, its manifest says {expected}</source>
            <translation>
                <numerusform>{path} 大小为 {size} 字节，但其清单记录为 {expected} 字节</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} does not match the checksum in its manifest</source>
            <translation>{path} 与其清单中的校验和不符</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>hnswlib cannot read {path}: {detail}</source>
            <translation>hnswlib 无法读取 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} does not hold what its manifest describes</source>
            <translation>{path} 的内容与其清单描述不符</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no vectors of model {model} in this library</source>
            <translation>此图库中没有模型 {model} 的向量</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>moving to the trash is supported on Linux and BSD desktops in this version</source>
            <translation>此版本仅在 Linux 和 BSD 桌面上支持移到回收站</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>not there any more: {path}</source>
            <translation>文件已不存在：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>could not move {path} to the trash: {detail}</source>
            <translation>无法将 {path} 移到回收站：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>the trash has no free name for {path}</source>
            <translation>回收站中已没有可供 {path} 使用的名称</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no longer in the trash (emptied?): {path}</source>
            <translation>已不在回收站中（回收站已清空？）：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>another file now has its name: {path}</source>
            <translation>已有其他文件使用了该名称：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>acgdesk never loads pickle files (.pt, .pth, .ckpt, .bin): unpickling can run arbitrary code. Use the model's .safetensors or .onnx file instead</source>
            <translation>acgdesk 从不加载 pickle 文件（.pt, .pth, .ckpt, .bin）：反序列化 pickle 可能执行任意代码。请改用该模型的 .safetensors 或 .onnx 文件</translation>
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
            <translation>。找到了 {pickles}：已拒绝，{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>. The files are at {where}</source>
            <translation>。这些文件位于 {where}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing or unreadable</source>
            <translation>{path} 不存在或无法读取</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} belongs to {owner}</source>
            <translation>{path} 属于 {owner}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{name} is not in the manifest (the catalogue lists files this copy lacks)</source>
            <translation>{name} 不在清单中（模型目录列出了这份副本缺少的文件）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing</source>
            <translation>{path} 不见了</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing (it pointed at {where})</source>
            <translation>{path} 不见了（它原本指向 {where}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} changed on disk ({size} bytes, {recorded} recorded)</source>
            <translation>{path} 在磁盘上已被改动（{size} 字节，记录为 {recorded}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{name} is not the version the catalogue pins</source>
            <translation>{name} 不是模型目录固定的版本</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{problem}: run `acgdesk models install {id} --force` to repair it</source>
            <translation>{problem}：运行 `acgdesk models install {id} --force` 进行修复</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>an install was interrupted: run `acgdesk models install {id}` to resume it</source>
            <translation>安装曾被中断：运行 `acgdesk models install {id}` 继续安装</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not installed: run `acgdesk models install {id}` (or `acgdesk models scan` to use a copy already on disk, or download the files by hand and run `acgdesk models import {id} FOLDER`)</source>
            <translation>未安装：运行 `acgdesk models install {id}`（或运行 `acgdesk models scan` 使用磁盘上已有的副本，或手动下载文件后运行 `acgdesk models import {id} FOLDER`）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>it ships with the Python package {package}, which is not installed: run `{command}` in acgdesk's Python environment</source>
            <translation>它随 Python 软件包 {package} 提供，但该软件包尚未安装：请在 acgdesk 的 Python 环境中运行 `{command}`</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>the Python package {package} in {folder} lacks {missing}: reinstall it with `{command}`</source>
            <translation>{folder} 中的 Python 软件包 {package} 缺少 {missing}：请用 `{command}` 重新安装</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {detail}</source>
            <translation>{id}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: invalid file name {name} in the catalogue</source>
            <translation>{id}：模型目录中的文件名 {name} 无效</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {name} is a pickle checkpoint; {why}</source>
            <translation>{id}：{name} 是 pickle 格式的检查点；{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {name}: only {suffixes} files are accepted</source>
            <translation>{id}：{name}：只接受 {suffixes} 文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) refused: {detail}; {why}</source>
            <translation>{path}（{name}）已拒绝：{detail}；{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) holds pickled data, not the expected format; {why}</source>
            <translation>{path}（{name}）包含 pickle 数据，而不是预期的格式；{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) is not a safetensors file</source>
            <translation>{path}（{name}）不是 safetensors 文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) is empty</source>
            <translation>{path}（{name}）是空的</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot link {path} into {folder} (another drive, and no symbolic links here: {detail}); use `acgdesk models import` to copy it instead</source>
            <translation>无法将 {path} 链接到 {folder}（位于另一个磁盘，且这里无法创建符号链接：{detail}）；请改用 `acgdesk models import` 复制它</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot write {path}: {detail}</source>
            <translation>无法写入 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>hub_endpoint must be an http(s) URL, not {url}</source>
            <translation>hub_endpoint 必须是 http(s) 网址，而不是 {url}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot move {path} to {dest}: {detail}</source>
            <translation>无法将 {path} 移动到 {dest}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot remove {path}: {detail}</source>
            <translation>无法删除 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>another acgdesk process (or thread) is installing or removing {id}; wait for it to finish</source>
            <translation>另一个 acgdesk 进程（或线程）正在安装或删除 {id}；请等待它完成</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>several different files named {name} in {folder}: {files}; point FOLDER at the one folder that holds the model's files</source>
            <translation>{folder} 中有多个内容不同的同名文件 {name}：{files}；请让 FOLDER 指向存放该模型文件的那一个文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot copy {path} to {dest}: {detail}</source>
            <translation>无法将 {path} 复制到 {dest}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} has {size} bytes but {name} has {expected}: a different file or version</source>
            <translation>{path} 有 {size} 字节，但 {name} 应为 {expected} 字节：文件或版本不同</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} does not match the pinned SHA-256 of {name} (got {got}, expected {expected}): a different file or version, or a damaged download</source>
            <translation>{path} 与 {name} 固定的 SHA-256 不符（得到 {got}，应为 {expected}）：文件或版本不同，或下载已损坏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files</source>
            <translation>{id} 不需要模型文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} is not a downloadable model</source>
            <translation>{id} 不是可下载的模型</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: the files in {folder} cannot be verified (the catalogue pins no digest for them); pass --trust to use them anyway</source>
            <translation>{id}：无法校验 {folder} 中的文件（模型目录没有为它们固定哈希值）；如仍要使用，请加上 --trust</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} ships with the Python package {package}; there is nothing to import (install it with `{command}`)</source>
            <translation>{id} 随 Python 软件包 {package} 提供；没有可导入的内容（请用 `{command}` 安装）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files; there is nothing to import</source>
            <translation>{id} 不需要模型文件；没有可导入的内容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} ships with the Python package {package}; acgdesk does not remove packages (use `pip uninstall {dist}`)</source>
            <translation>{id} 随 Python 软件包 {package} 提供；acgdesk 不会删除软件包（请使用 `pip uninstall {dist}`）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files; there is nothing to remove</source>
            <translation>{id} 不需要模型文件；没有可删除的内容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>invalid {what} {value}: it must be a plain folder name</source>
            <translation>无效的{what} {value}：必须是普通的文件夹名称</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>unknown model {id}; known: {known}</source>
            <translation>未知的模型 {id}；已知的模型：{known}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>SHA-256 mismatch: got {got}, the pinned digest is {pinned}</source>
            <translation>SHA-256 不一致：得到 {got}，固定的哈希值为 {pinned}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>SHA-256 mismatch: got {got}, the hub's published digest is {address}</source>
            <translation>SHA-256 不一致：得到 {got}，Hub 公布的哈希值为 {address}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>got {size} bytes but {expected} were expected</source>
            <translation>得到 {size} 字节，但应为 {expected} 字节</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>download {names} from {where} by hand into one folder and run `acgdesk models import {id} FOLDER`</source>
            <translation>从 {where} 手动下载 {names} 到同一个文件夹，然后运行 `acgdesk models import {id} FOLDER`</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>; or {hint}</source>
            <translation>；也可以{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{problem}; the corrupt file was deleted: run again to retry</source>
            <translation>{problem}；损坏的文件已删除：请再次运行以重试</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: {problem}. Nothing was installed</source>
            <translation>{url}：{problem}。未安装任何内容</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>set</source>
            <translation>已设置</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: the hub offers {size} bytes but {expected} were expected; the file on the hub has changed or the repository is wrong</source>
            <translation>{url}：Hub 提供的是 {size} 字节，但应为 {expected} 字节；Hub 上的文件已变更，或仓库有误</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: SHA-256 mismatch: the hub publishes {etag}, the pinned digest is {pinned}; the file on the hub has changed</source>
            <translation>{url}：SHA-256 不一致：Hub 公布的是 {etag}，固定的哈希值为 {pinned}；Hub 上的文件已变更</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP {status}: access denied. The model may be gated or private: accept its terms on its page at {endpoint}, then run `hf auth login` or set {env}=&lt;token&gt; ({env} is {token}){hint}</source>
            <translation>{url}：HTTP {status}：拒绝访问。该模型可能需要授权访问或是私有的：请先在 {endpoint} 上的模型页面同意其条款，再运行 `hf auth login` 或设置 {env}=&lt;token&gt;（{env} {token}）{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP 404 not found: the repository, revision or file name may have changed (check the model's page){hint}</source>
            <translation>{url}：HTTP 404 未找到：仓库、版本或文件名可能已变更（请查看模型页面）{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HF_HUB_OFFLINE is set and the file is not in the Hugging Face cache ({cache}). No network? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>{url}：已设置 HF_HUB_OFFLINE，而 Hugging Face 缓存（{cache}）中没有该文件。没有网络？可以用 HF_ENDPOINT 或 `acgdesk config hub_endpoint URL` 设置镜像{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: cannot reach {endpoint} and the file is not in the Hugging Face cache ({cache}). No network? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>{url}：无法连接 {endpoint}，而 Hugging Face 缓存（{cache}）中没有该文件。没有网络？可以用 HF_ENDPOINT 或 `acgdesk config hub_endpoint URL` 设置镜像{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP {status}: {detail}{hint}</source>
            <translation>{url}：HTTP {status}：{detail}{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot reach {endpoint} for {url} ({kind}: {detail}). No network, or a proxy is needed? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>无法连接 {endpoint} 获取 {url}（{kind}: {detail}）。没有网络，或者需要代理？可以用 HF_ENDPOINT 或 `acgdesk config hub_endpoint URL` 设置镜像{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: download failed ({kind}: {detail}){hint}</source>
            <translation>{url}：下载失败（{kind}: {detail}）{hint}</translation>
        </message>
    </context>
    <context>
        <name>core_score</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>aesthetic</source>
            <translation>美学</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>sharpness</source>
            <translation>清晰度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>megapixels</source>
            <translation>百万像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>edge contrast</source>
            <translation>边缘对比度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>taste</source>
            <translation>喜好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime</source>
            <translation>动漫</translation>
        </message>
    </context>
    <context>
        <name>core_speed</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>instant</source>
            <translation>即时</translation>
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
            <translation>已安装</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>missing</source>
            <translation>未安装</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>incomplete</source>
            <translation>不完整</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>package-missing</source>
            <translation>缺少软件包</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>builtin</source>
            <translation>内置</translation>
        </message>
    </context>
    <context>
        <name>core_task</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>tagger</source>
            <translation>标签器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>image_embedder</source>
            <translation>图像嵌入</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>clip</source>
            <translation>CLIP</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>text_encoder</source>
            <translation>文本编码器</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>rating</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>aesthetic</source>
            <translation>美学评分</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>upscaler</source>
            <translation>超分放大</translation>
        </message>
    </context>
    <context>
        <name>curation</name>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>1 image</source>
            <translation>1 张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>{what} failed: {e}</source>
            <translation>{what}失败：{e}</translation>
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
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select all</source>
            <translation>全选</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select none</source>
            <translation>取消选择</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>After marking, go to the next image</source>
            <translation>标记后跳到下一张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;Selection</source>
            <translation>选择(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Selection</source>
            <translation>选择</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Mark, tag, add to an album, export, move, copy or trash the selection</source>
            <translation>对选中的图片标记、加标签、加入相册、导出、移动、复制或移到回收站</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select images to mark</source>
            <translation>请选择要标记的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing changed: {what}</source>
            <translation>没有变化：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Could not do that: {e}</source>
            <translation>无法执行：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing to redo</source>
            <translation>没有可重做的操作</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing to undo</source>
            <translation>没有可撤销的操作</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Redone: {what}</source>
            <translation>已重做：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Undone: {what}</source>
            <translation>已撤销：{what}</translation>
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
                <numerusform>已写入 %Ln 个附属文件，{old} 个已存在，{none} 个没有标签，{bad} 个失败</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Learning your taste needs a newer library core</source>
            <translation>学习你的喜好需要更新版本的图库核心</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Learning your taste from your marks</source>
            <translation>正在根据你的标记学习你的喜好</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Could not learn your taste: {e}</source>
            <translation>无法学习你的喜好：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Taste: {what}</source>
            <translation>喜好：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>learnt again</source>
            <translation>已重新学习</translation>
        </message>
    </context>
    <context>
        <name>dataset</name>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Selection</source>
            <translation>筛选</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Export training set</source>
            <translation>导出训练集</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Copies of {what}, resized and captioned for training. The originals are only read.</source>
            <translation>将{what}复制一份，调整尺寸并加上标注，用于训练。原图只会被读取，不会被修改。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Sample captions</source>
            <translation>标注示例</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>&lt;b&gt;%Ln image(s)&lt;/b&gt; will be in the set</source>
            <translation>
                <numerusform>训练集中将有 &lt;b&gt;%Ln 张图片&lt;/b&gt;</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} matched the selection and filters</source>
            <translation>{n} 张符合所选范围和筛选条件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} near-duplicates left out</source>
            <translation>已排除 {n} 张近似重复图</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} skipped ({why})</source>
            <translation>跳过 {n} 张（{why}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{train} for training, {val} for validation</source>
            <translation>训练集 {train} 张，验证集 {val} 张</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} with an empty caption</source>
            <translation>{n} 张的标注为空</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source> and {n} more sizes</source>
            <translation>，另有 {n} 种尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Sizes: {sizes}</source>
            <translation>尺寸：{sizes}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Folders: {names}</source>
            <translation>文件夹：{names}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>The folder holds an earlier export: finished files are kept, changed ones made again, and files no longer chosen removed</source>
            <translation>该文件夹中已有之前导出的训练集：已完成的文件会保留，有变化的会重新生成，不再选中的文件会被删除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>(empty caption)</source>
            <translation>（标注为空）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Choose the folder to export into</source>
            <translation>请选择要导出到的文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Nothing to export with these options</source>
            <translation>按这些选项没有可导出的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>a replacement is old=new, not {part!r}</source>
            <translation>替换规则应为 旧=新，而不是 {part!r}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>a new or empty folder, or an earlier export to update</source>
            <translation>新的或空的文件夹，或要更新的之前导出的文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Layout</source>
            <translation>目录结构</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>the trigger word, else "dataset"</source>
            <translation>默认用触发词，没有则为 "dataset"</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Concept</source>
            <translation>概念</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Repeats</source>
            <translation>重复次数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The fraction held out for validation (not for kohya's layout)</source>
            <translation>留作验证集的比例（kohya 的目录结构不适用）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Validation fraction</source>
            <translation>验证集比例</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Split seed</source>
            <translation>划分种子</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Allow a folder inside the library (its copies get indexed)</source>
            <translation>允许使用图库内的文件夹（其中的副本会被索引）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Longest side</source>
            <translation>长边</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Buckets hold about this many pixels squared</source>
            <translation>每个分桶的面积约为此值的平方（像素）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Bucket resolution</source>
            <translation>分桶分辨率</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Bucket step</source>
            <translation>分桶步长</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Fit</source>
            <translation>适配方式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Enlarge small images to their bucket</source>
            <translation>将小图放大到所属分桶的尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>JPEG and WebP quality; WebP 100 is lossless</source>
            <translation>JPEG 和 WebP 的质量；WebP 为 100 时无损</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Quality</source>
            <translation>质量</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep metadata (prompts, EXIF, text chunks)</source>
            <translation>保留元数据（提示词、EXIF、文本块）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Flatten transparency</source>
            <translation>去除透明（铺上背景色）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Flatten and pad colour: #rrggbb, white or black</source>
            <translation>去除透明和填充时使用的颜色：#rrggbb、white 或 black</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Background</source>
            <translation>背景色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>no minimum</source>
            <translation>无下限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Skip if shorter side under</source>
            <translation>短边小于此值则跳过</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Images</source>
            <translation>图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Captions from</source>
            <translation>标注来源</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>first in every caption</source>
            <translation>放在每条标注的最前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Trigger word</source>
            <translation>触发词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>General tags from</source>
            <translation>一般标签阈值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Character tags from</source>
            <translation>角色标签阈值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Series tags from</source>
            <translation>作品标签阈值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Artist tags from</source>
            <translation>画师标签阈值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Meta and any other category a tagger has</source>
            <translation>元标签，以及标注模型的其他任何类别</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Other tags from</source>
            <translation>其他标签阈值</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Characters first</source>
            <translation>角色标签放在前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Series first</source>
            <translation>作品标签放在前面</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Underscores to spaces</source>
            <translation>下划线转为空格</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Escape parentheses</source>
            <translation>转义括号</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Content rating tag first</source>
            <translation>分级标签放在最前</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>tags or globs, comma-separated: watermark, *_text</source>
            <translation>标签或通配符，以逗号分隔：watermark, *_text</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Never write</source>
            <translation>不写入的标签</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>old=new, comma-separated (new empty: drop)</source>
            <translation>旧=新，以逗号分隔（新的留空则删除该标签）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>no limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>At most tags</source>
            <translation>最多标签数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Captions</source>
            <translation>标注</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Leave out near-duplicates (keeping each group's keeper)</source>
            <translation>排除近似重复图（每组只用保留的那张）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Ratings</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>any</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>At least stars</source>
            <translation>最低星级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Only what my taste model likes, from</source>
            <translation>仅限喜好模型评分不低于</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Export the training set into</source>
            <translation>将训练集导出到</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>choose at least one content rating</source>
            <translation>请至少选择一个分级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>Training set of {what} to {dest}</source>
            <translation>{what}的训练集，导出到 {dest}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>Training set: %Ln image(s) in {dir}</source>
            <translation>
                <numerusform>训练集：{dir} 中共 %Ln 张图片</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} written</source>
            <translation>写入 {n} 张</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} unchanged</source>
            <translation>{n} 张未变</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} removed</source>
            <translation>删除 {n} 张</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} failed (see the manifest)</source>
            <translation>{n} 张失败（见清单文件）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>cancelled: export again to finish</source>
            <translation>已取消：再次导出即可完成</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>kohya-ss (repeats_concept folders, .txt captions)</source>
            <translation>kohya-ss（repeats_concept 文件夹，.txt 标注）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>OneTrainer (concept folders, concepts.json)</source>
            <translation>OneTrainer（概念文件夹，concepts.json）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Hugging Face image folder (metadata.jsonl)</source>
            <translation>Hugging Face 图片文件夹（metadata.jsonl）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep the original size</source>
            <translation>保持原始尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Shrink to a longest side</source>
            <translation>缩小到指定长边</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Aspect-ratio buckets</source>
            <translation>按宽高比分桶</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Crop to the bucket (centre)</source>
            <translation>裁剪到分桶尺寸（居中）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Pad to the bucket</source>
            <translation>填充到分桶尺寸</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep (PNG, JPEG and WebP stay; others become PNG)</source>
            <translation>保持原格式（PNG、JPEG 和 WebP 不变；其他转为 PNG）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The generation prompt</source>
            <translation>生成提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The prompt, else tags</source>
            <translation>优先用提示词，没有则用标签</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>general</source>
            <translation>全年龄</translation>
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
            <translation>文件为空（0 字节）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file is truncated: {detail}</source>
            <translation>文件不完整（被截断）：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the image data is corrupt: {detail}</source>
            <translation>图像数据已损坏：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>looks like {format} but the header is damaged</source>
            <translation>看起来是 {format}，但文件头已损坏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>header declares an empty size {size}</source>
            <translation>文件头声明的尺寸为空：{size}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{format} images are not supported</source>
            <translation>不支持 {format} 图像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{format} files are not supported</source>
            <translation>不支持 {format} 文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not an image format acgdesk can read</source>
            <translation>不是 acgdesk 能读取的图像格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>this image variant is not supported: {detail}</source>
            <translation>不支持这种图像变体：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>ran out of memory while decoding</source>
            <translation>解码时内存不足</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>image is too large to decode safely: {detail}</source>
            <translation>图像过大，无法安全解码：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{size} = {pixels} pixels exceeds the decoding limit of {limit} pixels (raise it with --max-pixels if this image is real)</source>
            <translation>{size} = {pixels} 像素，超过解码上限 {limit} 像素（如果这张图确实如此，可用 --max-pixels 提高上限）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{size} is {pixels} pixels; upscaling is limited to {limit} input pixels</source>
            <translation>{size} 为 {pixels} 像素；放大的输入上限为 {limit} 像素</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>animated {format} ({frames} frames) is not upscaled: only still images are; export the frame you want as a still image first</source>
            <translation>动态 {format}（{frames} 帧）不会被放大：只能放大静态图像；请先把需要的那一帧导出为静态图像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file changed while it was being read (still being written?)</source>
            <translation>读取期间文件发生了变化（还在写入中？）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file disappeared before it could be read</source>
            <translation>文件在读取前消失了</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>permission denied: acgdesk may not read this file</source>
            <translation>权限不足：acgdesk 无权读取此文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>this is a directory, not a file</source>
            <translation>这是文件夹，不是文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>symbolic link loop</source>
            <translation>符号链接循环</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>read error: {detail}</source>
            <translation>读取错误：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>file not found: {path}</source>
            <translation>找不到文件：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>permission denied: {path}</source>
            <translation>权限不足：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not a file: {path}</source>
            <translation>不是文件：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not an image Pillow can read: {path}</source>
            <translation>不是 Pillow 能读取的图像：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>cannot decode {name}: {detail}</source>
            <translation>无法解码 {name}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is empty</source>
            <translation>文件为空</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is truncated</source>
            <translation>文件不完整（被截断）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The image data is damaged</source>
            <translation>图像数据已损坏</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>This format is not supported</source>
            <translation>不支持此格式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The image is too large</source>
            <translation>图像过大</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>No permission to read the file</source>
            <translation>无权读取此文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is gone</source>
            <translation>文件已不存在</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file changed while it was read</source>
            <translation>读取期间文件发生了变化</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>A symbolic link loop</source>
            <translation>符号链接循环</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>Not a file</source>
            <translation>不是文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>A read error</source>
            <translation>读取错误</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>An internal error</source>
            <translation>内部错误</translation>
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
            <translation>无旗标</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>tags {changes}: %n file(s)</source>
            <translation>
                <numerusform>标签 {changes}：%n 个文件</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new manual album '{name}'</source>
            <translation>新建相册“{name}”</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new smart album '{name}'</source>
            <translation>新建智能相册“{name}”</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new group '{name}'</source>
            <translation>新建分组“{name}”</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>album '{name}' changed</source>
            <translation>修改相册“{name}”</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>album '{name}' changed to '{new_name}'</source>
            <translation>相册“{name}”改为“{new_name}”</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>deleted album '{name}'</source>
            <translation>删除相册“{name}”</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>added %n file(s) to '{name}'</source>
            <translation>
                <numerusform>将 %n 个文件加入“{name}”</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>removed %n file(s) from '{name}'</source>
            <translation>
                <numerusform>从“{name}”移除 %n 个文件</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>reordered '{name}'</source>
            <translation>调整“{name}”的顺序</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to {dest}</source>
            <translation>
                <numerusform>将 %n 个文件移动到 {dest}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>copied %n file(s) to {dest}</source>
            <translation>
                <numerusform>将 %n 个文件复制到 {dest}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to the trash</source>
            <translation>
                <numerusform>将 %n 个文件移到回收站</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what}: %n file(s)</source>
            <translation>
                <numerusform>{what}：%n 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what} (%n failed: {error})</source>
            <translation>
                <numerusform>{what}（%n 个失败：{error}）</numerusform>
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
                <numerusform>正在为 %n 个文件夹建立索引</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Updating library</source>
            <translation>正在更新图库</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Installing {name}</source>
            <translation>正在安装 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>ETA {t}</source>
            <translation>剩余 {t}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Files in: {where}</source>
            <translation>文件位置：{where}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Installing {name}: see the jobs panel</source>
            <translation>正在安装 {name}：请查看任务面板</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Importing {name}</source>
            <translation>正在导入 {name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>HF_ENDPOINT is set ({url}) and wins</source>
            <translation>已设置 HF_ENDPOINT（{url}），以它为准</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Hub endpoint: {url}</source>
            <translation>Hub 地址：{url}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Now used in place: {ids}</source>
            <translation>现已就地使用：{ids}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>No new model found on disk ({n} copies seen)</source>
            <translation>磁盘上没有找到新模型（看到 {n} 个副本）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale</source>
            <translation>超分放大</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale {name} {scale}x</source>
            <translation>超分放大 {name} {scale}x</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>starting</source>
            <translation>正在启动</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>upscale failed</source>
            <translation>放大失败</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/watching.py" />
            <source>Watching folders</source>
            <translation>正在监视文件夹</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/watching.py" />
            <source>Watching %n folder(s)</source>
            <translation>
                <numerusform>正在监视 %n 个文件夹</numerusform>
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
            <translation>失败</translation>
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
            <translation>无旗标</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>No stars</source>
            <translation>无星级</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Could not mark: {e}</source>
            <translation>无法标记：{e}</translation>
        </message>
    </context>
    <context>
        <name>prompts</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copied the parameters</source>
            <translation>已复制参数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} selected images</source>
            <translation>选中的 {n} 张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} results</source>
            <translation>{n} 个结果</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} images</source>
            <translation>{n} 张图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export the prompts of {scope}</source>
            <translation>导出{scope}的提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Text, one block per image (*.txt);;JSON lines (*.jsonl)</source>
            <translation>文本，每张图片一段 (*.txt);;JSON Lines (*.jsonl)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Exporting {n} prompts</source>
            <translation>正在导出 {n} 条提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export failed: {e}</source>
            <translation>导出失败：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} prompts written to {path}</source>
            <translation>已将 {n} 条提示词写入 {path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy prompt</source>
            <translation>复制提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy negative prompt</source>
            <translation>复制反向提示词</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy parameters (A1111)</source>
            <translation>复制参数 (A1111)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this prompt</source>
            <translation>搜索使用此提示词的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this seed</source>
            <translation>搜索使用此种子的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this model</source>
            <translation>搜索使用此模型的图片</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Prompt statistics…</source>
            <translation>提示词统计…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export prompts…</source>
            <translation>导出提示词…</translation>
        </message>
    </context>
    <context>
        <name>similar</name>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source>image data</source>
            <translation>图像数据</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source>similar to {what}</source>
            <translation>与 {what} 相似</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source> among {n} matching files</source>
            <translation>，范围为 {n} 个匹配的文件</translation>
        </message>
    </context>
    <context>
        <name>transfer</name>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move</source>
            <translation>移动</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>{verb} %Ln file(s) to {dest}?</source>
            <translation>
                <numerusform>{verb} %Ln 个文件到 {dest}？</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>{n} of them conflict with a file already there (in red): nothing is ever overwritten.</source>
            <translation>其中 {n} 个与已有文件冲突（红色显示）：绝不会覆盖任何文件。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Nothing is overwritten; Ctrl+Z undoes it.</source>
            <translation>不会覆盖任何文件；Ctrl+Z 可撤销。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>That folder is outside the library: the moved files leave it (what is known about them is kept for a while, should they come back).</source>
            <translation>该文件夹在图库之外：移动的文件将离开图库（关于它们的信息会保留一段时间，以防它们回来）。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move files</source>
            <translation>移动文件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Copy files</source>
            <translation>复制文件</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move %Ln file(s) to the trash?
They can be restored from the trash, or with Ctrl+Z.</source>
            <translation>
                <numerusform>将 %Ln 个文件移到回收站？
可以从回收站恢复，或按 Ctrl+Z。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move to trash</source>
            <translation>移到回收站</translation>
        </message>
    </context>
</TS>
