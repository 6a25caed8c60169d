<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
    <context>
        <name>AlbumsPanel</name>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>learnt from {liked} liked, {disliked} disliked images</source>
            <translation>好き {liked} 枚、好きでない {disliked} 枚の画像から学習済み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>held-out AUC {auc}</source>
            <translation>ホールドアウト AUC {auc}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>{n} images scored</source>
            <translation>{n} 枚の画像をスコア付け済み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Albums</source>
            <translation>アルバム</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album, smart album or group</source>
            <translation>新規アルバム、スマートアルバム、グループ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>What I'd like</source>
            <translation>おすすめ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Album: drag images here to add them</source>
            <translation>アルバム：画像をここにドラッグして追加</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Smart album: {q}</source>
            <translation>スマートアルバム：{q}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Group of albums</source>
            <translation>アルバムのグループ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Images you have not marked yet, most like the ones you liked first</source>
            <translation>まだマークしていない画像。気に入った画像に近いものから順に表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Right-click: learn again</source>
            <translation>右クリック：再学習</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album</source>
            <translation>新規アルバム</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the new album:</source>
            <translation>新しいアルバムの名前：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Search for something first: a smart album keeps a search</source>
            <translation>先に検索してください：スマートアルバムは検索を保存します</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New smart album</source>
            <translation>新規スマートアルバム</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the smart album for
{q}:</source>
            <translation>次の検索のスマートアルバム名
{q}：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New group</source>
            <translation>新規グループ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Name of the new group:</source>
            <translation>新しいグループの名前：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Rename</source>
            <translation>名前を変更</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New name for {n}:</source>
            <translation>{n} の新しい名前：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New album…</source>
            <translation>新規アルバム…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New smart album from the current search…</source>
            <translation>現在の検索から新規スマートアルバム…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>New group…</source>
            <translation>新規グループ…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Show</source>
            <translation>表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Learn my taste again</source>
            <translation>好みを再学習</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Rename…</source>
            <translation>名前を変更…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Use the current search as its query</source>
            <translation>現在の検索をクエリにする</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Move into group</source>
            <translation>グループへ移動</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>(top level)</source>
            <translation>（最上位）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/albums_panel.py" />
            <source>Delete</source>
            <translation>削除</translation>
        </message>
    </context>
    <context>
        <name>Caption</name>
        <message>
            <location filename="../../acgdesk/gui/view/compare_pane.py" />
            <source>★ keep</source>
            <translation>★ 残す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_pane.py" />
            <source>Keep this one</source>
            <translation>これを残す</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscaled: {name}</source>
            <translation>アップスケール済み：{name}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Loading…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Cannot show this image</source>
            <translation>この画像を表示できません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Compare {n} images</source>
            <translation>{n} 枚の画像を比較</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Fit</source>
            <translation>フィット</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Fit every image in its pane (F)</source>
            <translation>各画像をペインに合わせる (F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>100 %</source>
            <translation>100 %</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>The active image pixel for pixel (Z)</source>
            <translation>選択中の画像をピクセル等倍で表示 (Z)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Zoom out (−)</source>
            <translation>縮小 (−)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Zoom in (+)</source>
            <translation>拡大 (+)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Side by side</source>
            <translation>並べて表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Every image in its own pane (S)</source>
            <translation>画像ごとに別のペインで表示 (S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Swipe</source>
            <translation>スワイプ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Two images under one divider: drag it to reveal one over the other (S)</source>
            <translation>2 枚の画像を 1 本の境界線で重ねる：ドラッグして片方を表示 (S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Swipe compares exactly two images</source>
            <translation>スワイプ比較はちょうど 2 枚の画像でのみ使えます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Wheel: zoom · drag: pan · 1–{n}: choose an image · Esc: close</source>
            <translation>ホイール：ズーム · ドラッグ：移動 · 1–{n}：画像を選択 · Esc：閉じる</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Could not read these files: {e}</source>
            <translation>次のファイルを読み込めませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>Cannot show this image: {e}</source>
            <translation>この画像を表示できません：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>no pixels</source>
            <translation>ピクセルなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare.py" />
            <source>fit, {p}</source>
            <translation>フィット、{p}</translation>
        </message>
    </context>
    <context>
        <name>ConfidenceBar</name>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>set by you</source>
            <translation>ユーザー設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>confidence {p:.2f}, shown from {t:.2f}</source>
            <translation>信頼度 {p:.2f}、{t:.2f} 以上で表示</translation>
        </message>
    </context>
    <context>
        <name>DetailPanel</name>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Show in file manager</source>
            <translation>ファイルマネージャーで表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Copy path</source>
            <translation>パスをコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Find similar</source>
            <translation>類似画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Upscale…</source>
            <translation>アップスケール…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Add tags (comma separated) and press Enter</source>
            <translation>タグを追加（カンマ区切り）して Enter</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Select an image</source>
            <translation>画像を選択してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Could not read this file's details: {e}</source>
            <translation>このファイルの詳細を読み込めませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Loading…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>No preview</source>
            <translation>プレビューなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Blurred for its rating: click to show it</source>
            <translation>レーティングによりぼかし中：クリックで表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Scores</source>
            <translation>スコア</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>{kind} from {model}</source>
            <translation>{kind}（{model} による）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Generation</source>
            <translation>生成情報</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Generator</source>
            <translation>生成ツール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Prompt</source>
            <translation>プロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Negative</source>
            <translation>ネガティブ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>File</source>
            <translation>ファイル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Path</source>
            <translation>パス</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Pixels</source>
            <translation>ピクセル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Format</source>
            <translation>形式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Size</source>
            <translation>サイズ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Frames</source>
            <translation>フレーム数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Status</source>
            <translation>状態</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Error</source>
            <translation>エラー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>EXIF</source>
            <translation>EXIF</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>{n} fields</source>
            <translation>{n} 個のフィールド</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Indexed</source>
            <translation>インデックス日時</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>No tags yet. Add your own above, or run a tagger.</source>
            <translation>タグはまだありません。上で自分で追加するか、タガーを実行してください。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>shown from {t}</source>
            <translation>{t} 以上を表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>you</source>
            <translation>ユーザー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Remove this tag</source>
            <translation>このタグを削除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/detail_panel.py" />
            <source>Could not change the tags: {e}</source>
            <translation>タグを変更できませんでした：{e}</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Duplicates</source>
            <translation>重複画像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Move the others to the trash…</source>
            <translation>残りをゴミ箱へ移動…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Compare…</source>
            <translation>比較…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Looking for duplicates…</source>
            <translation>重複画像を検索中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Could not look for duplicates: {e}</source>
            <translation>重複画像を検索できませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>exact copies</source>
            <translation>完全な複製</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>near copies</source>
            <translation>ほぼ同じ複製</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>{n} groups; {size} in the copies that are not suggested keepers</source>
            <translation>{n} グループ。残す候補以外の複製の合計 {size}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source> (you chose another keeper)</source>
            <translation>（別の画像を残すよう選択済み）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Suggested keeper: </source>
            <translation>残す候補：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>No preview</source>
            <translation>プレビューなし</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Keep {keeper} and move these %Ln file(s) to the trash?

{files}</source>
            <translation>
                <numerusform>{keeper} を残して、これら %Ln 個のファイルをゴミ箱へ移動しますか？

{files}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Move to trash</source>
            <translation>ゴミ箱へ移動</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>%Ln file(s) moved to the trash</source>
            <translation>
                <numerusform>%Ln 個のファイルをゴミ箱へ移動しました</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>not moved: </source>
            <translation>移動できなかったもの：</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>no program given</source>
            <translation>プログラムが指定されていません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>No application opens {name}</source>
            <translation>{name} を開けるアプリケーションがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Cannot run {c}: {e}</source>
            <translation>{c} を実行できません：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Could not start {program}</source>
            <translation>{program} を起動できませんでした</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Could not copy the image: {e}</source>
            <translation>画像をコピーできませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with default application</source>
            <translation>既定のアプリケーションで開く</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with…</source>
            <translation>プログラムから開く…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Copy image</source>
            <translation>画像をコピー</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Export sidecars</source>
            <translation>サイドカーを書き出す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Caption files (.txt): the tags, for training</source>
            <translation>キャプションファイル (.txt)：学習用のタグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>XMP sidecars (.xmp): tags as keywords, stars as rating</source>
            <translation>XMP サイドカー (.xmp)：タグをキーワード、星をレーティングとして</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Beside each image</source>
            <translation>各画像の隣に</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Into a folder…</source>
            <translation>フォルダーへ…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Choose…</source>
            <translation>選択…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Sidecars for {what}; existing ones are not replaced.</source>
            <translation>{what}のサイドカー。既存のものは置き換えません。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Export sidecars into</source>
            <translation>サイドカーの書き出し先</translation>
        </message>
    </context>
    <context>
        <name>FacetsPanel</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Models</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>LoRAs</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Samplers</source>
            <translation>サンプラー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Generators</source>
            <translation>生成ツール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>&lt;b&gt;Made with&lt;/b&gt;</source>
            <translation>&lt;b&gt;生成元&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Stats…</source>
            <translation>統計…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Prompt words and LoRAs used most (selection, else results)</source>
            <translation>よく使われるプロンプトの単語と LoRA（選択中の画像、なければ検索結果）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Export…</source>
            <translation>書き出し…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Save the prompts of the selection (else the results) to a file</source>
            <translation>選択中の画像（なければ検索結果）のプロンプトをファイルに保存</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>No generation data in these results.</source>
            <translation>この検索結果には生成情報がありません。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/facets_panel.py" />
            <source>Click to search {term}</source>
            <translation>クリックで {term} を検索</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Best match, then newest</source>
            <translation>関連度順、次に新しい順</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Newest first</source>
            <translation>新しい順</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Oldest first</source>
            <translation>古い順</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Largest files</source>
            <translation>ファイルサイズの大きい順</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Highest score</source>
            <translation>スコアの高い順</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Random</source>
            <translation>ランダム</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Any rating</source>
            <translation>すべてのレーティング</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>General</source>
            <translation>全年齢</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>General + sensitive</source>
            <translation>全年齢 + センシティブ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Questionable + explicit</source>
            <translation>クエスチョナブル + エクスプリシット</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Explicit</source>
            <translation>エクスプリシット</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Thumbnail size (Ctrl + wheel on the grid)</source>
            <translation>サムネイルのサイズ（グリッド上で Ctrl + ホイール）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Squares</source>
            <translation>正方形</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Square cells, every image fitted inside one</source>
            <translation>正方形のセルに各画像を収める</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Justified</source>
            <translation>行揃え</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Rows of equal height, each image at its own shape</source>
            <translation>同じ高さの行に、各画像を元の縦横比で並べる</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Sort</source>
            <translation>並べ替え</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/filter_bar.py" />
            <source>Size</source>
            <translation>サイズ</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Welcome to acgdesk</source>
            <translation>acgdesk へようこそ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>acgdesk manages your art folders in place: it never moves, copies or changes an image.
Choose the folders to manage; they are indexed in the background and watched for changes.</source>
            <translation>acgdesk はイラストのフォルダーをその場で管理します。画像を移動・コピー・変更することはありません。
管理するフォルダーを選んでください。バックグラウンドでインデックスを作成し、変更を監視します。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Add folder…</source>
            <translation>フォルダーを追加…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Looking at the models…</source>
            <translation>モデルを確認中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>&lt;b&gt;Folders&lt;/b&gt;</source>
            <translation>&lt;b&gt;フォルダー&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>&lt;b&gt;Models&lt;/b&gt; (offline ones work now; tick downloads you want)</source>
            <translation>&lt;b&gt;モデル&lt;/b&gt;（オフラインのモデルはすぐ使えます。ダウンロードしたいものにチェック）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>{path}  — in the library, {n} images</source>
            <translation>{path}  — ライブラリ内、{n} 枚の画像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>[offline]</source>
            <translation>[オフライン]</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Already managed by this library; it is kept up to date.</source>
            <translation>このライブラリで管理済みです。常に最新の状態に保たれます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>A folder of images</source>
            <translation>画像のフォルダー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>✓ {name} — ready (offline)</source>
            <translation>✓ {name} — 準備完了（オフライン）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>✗ {name} — its Python package is missing</source>
            <translation>✗ {name} — Python パッケージがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/first_run.py" />
            <source>Download {name}{size}</source>
            <translation>{name}{size} をダウンロード</translation>
        </message>
    </context>
    <context>
        <name>GenerationDiffPanel</name>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Reading the generation parameters…</source>
            <translation>生成パラメータを読み込み中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Generator</source>
            <translation>生成ツール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Sampler</source>
            <translation>サンプラー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Scheduler</source>
            <translation>スケジューラ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Steps</source>
            <translation>ステップ数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>CFG scale</source>
            <translation>CFG スケール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Seed</source>
            <translation>シード</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Size</source>
            <translation>サイズ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Denoising strength</source>
            <translation>ノイズ除去強度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Clip skip</source>
            <translation>Clip skip</translation>
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
            <translation>{b} と {a} の比較</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Image 1 has no generation parameters.</source>
            <translation>画像 1 には生成パラメータがありません。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Image {n} has no generation parameters.</source>
            <translation>画像 {n} には生成パラメータがありません。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Neither image has generation parameters.</source>
            <translation>どちらの画像にも生成パラメータがありません。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Prompt</source>
            <translation>プロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Negative prompt</source>
            <translation>ネガティブプロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>none in either</source>
            <translation>どちらにもなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>the same {n} words</source>
            <translation>同じ {n} 語</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>in both ({n})</source>
            <translation>両方にあり（{n}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>not recorded</source>
            <translation>記録なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>same: {f}</source>
            <translation>同じ：{f}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/compare_diff.py" />
            <source>no settings recorded</source>
            <translation>設定の記録なし</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>History</source>
            <translation>履歴</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Newest first. Greyed entries were undone: Redo does them again.</source>
            <translation>新しい順。灰色の項目は取り消し済みです：やり直すと再実行されます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo</source>
            <translation>やり直す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undone</source>
            <translation>取り消し済み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Nothing done yet</source>
            <translation>まだ何も操作していません</translation>
        </message>
    </context>
    <context>
        <name>ImageCanvas</name>
        <message>
            <location filename="../../acgdesk/gui/view/canvas.py" />
            <source>This picture cannot be shown.
{reason}</source>
            <translation>この画像は表示できません。
{reason}</translation>
        </message>
    </context>
    <context>
        <name>InfoOverlay</name>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Prompt</source>
            <translation>プロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>{n} frames</source>
            <translation>{n} フレーム</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Rating</source>
            <translation>レーティング</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Scores</source>
            <translation>スコア</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Negative</source>
            <translation>ネガティブ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>Error</source>
            <translation>エラー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>No information: {e}</source>
            <translation>情報なし：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/info_overlay.py" />
            <source>not in the library</source>
            <translation>ライブラリにありません</translation>
        </message>
    </context>
    <context>
        <name>Job</name>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>cancelling…</source>
            <translation>キャンセル中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>cancelled</source>
            <translation>キャンセル済み</translation>
        </message>
    </context>
    <context>
        <name>JobRow</name>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>ranked by {method}</source>
            <translation>{method} で順位付け</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>, best {n} of {total}</source>
            <translation>、{total} 件中上位 {n} 件</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Jobs</source>
            <translation>ジョブ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Main</source>
            <translation>メイン</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Add folder…</source>
            <translation>フォルダーを追加…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Update library</source>
            <translation>ライブラリを更新</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Duplicates…</source>
            <translation>重複画像…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Models…</source>
            <translation>モデル…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Settings…</source>
            <translation>設定…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Search</source>
            <translation>検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Find similar to the clipboard image</source>
            <translation>クリップボードの画像に似た画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Compare</source>
            <translation>比較</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln{more} images…</source>
            <translation>
                <numerusform>%Ln{more} 枚の画像…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>%Ln images</source>
            <translation>
                <numerusform>%Ln 枚の画像</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Search failed: {e}</source>
            <translation>検索に失敗しました：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Select two to four images to compare</source>
            <translation>比較する画像を 2～4 枚選択してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Find similar</source>
            <translation>類似画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Upscale…</source>
            <translation>アップスケール…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Show in file manager</source>
            <translation>ファイルマネージャーで表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/main_window.py" />
            <source>Copy path</source>
            <translation>パスをコピー</translation>
        </message>
    </context>
    <context>
        <name>MarksBar</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>%n star(s) (key {key}); click again for none</source>
            <translation>
                <numerusform>星 %n 個（キー {key}）。もう一度クリックで解除</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>Favourite (F)</source>
            <translation>お気に入り (F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>Pick (P)</source>
            <translation>採用 (P)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_bar.py" />
            <source>Reject (X)</source>
            <translation>不採用 (X)</translation>
        </message>
    </context>
    <context>
        <name>MemberCard</name>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Loading…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>★ keep</source>
            <translation>★ 残す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>to trash</source>
            <translation>ゴミ箱へ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/duplicates.py" />
            <source>Keep this one</source>
            <translation>これを残す</translation>
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
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Task</source>
            <translation>タスク</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Good at</source>
            <translation>得意分野</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>State</source>
            <translation>状態</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Size</source>
            <translation>サイズ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Licence</source>
            <translation>ライセンス</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Models</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Install</source>
            <translation>インストール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Import from folder…</source>
            <translation>フォルダーからインポート…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Use checked models when indexing</source>
            <translation>チェックしたモデルをインデックス作成に使う</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Find on disk</source>
            <translation>ディスク上を探す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Use models already in the Hugging Face cache, ComfyUI or WebUI folders (linked, not copied)</source>
            <translation>Hugging Face キャッシュ、ComfyUI、WebUI のフォルダーにあるモデルを使う（コピーせずリンク）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>https://huggingface.co (or a mirror; HF_ENDPOINT overrides)</source>
            <translation>https://huggingface.co（またはミラー。HF_ENDPOINT が優先）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Hub endpoint:</source>
            <translation>Hub エンドポイント：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Checking runtimes and devices…</source>
            <translation>ランタイムとデバイスを確認中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Catalogue</source>
            <translation>カタログ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Devices (doctor)</source>
            <translation>デバイス（診断）</translation>
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
            <translation>得意分野：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Folder with the model's files</source>
            <translation>モデルのファイルがあるフォルダー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Looking for models on disk…</source>
            <translation>ディスク上のモデルを検索中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Indexing will run: {ids}</source>
            <translation>インデックス作成で実行するモデル：{ids}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Doctor failed: {e}</source>
            <translation>診断に失敗しました：{e}</translation>
        </message>
    </context>
    <context>
        <name>OpenWithDialog</name>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open with</source>
            <translation>プログラムから開く</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>a program, e.g. gimp, or krita --nosplash {file}</source>
            <translation>プログラム。例：gimp、krita --nosplash {file}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>{file} in the command stands for the picture; without it the picture is added at the end.</source>
            <translation>コマンド内の {file} が画像に置き換わります。ない場合は末尾に画像が追加されます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Open {name} with:</source>
            <translation>{name} を開くプログラム：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/export.py" />
            <source>Choose a program</source>
            <translation>プログラムを選択</translation>
        </message>
    </context>
    <context>
        <name>PictureLoader</name>
        <message>
            <location filename="../../acgdesk/gui/view/image_source.py" />
            <source>not enough memory to decode this picture</source>
            <translation>メモリ不足のためこの画像をデコードできません</translation>
        </message>
    </context>
    <context>
        <name>PromptBar</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Prompt</source>
            <translation>プロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the prompt</source>
            <translation>プロンプトをコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Negative</source>
            <translation>ネガティブ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the negative prompt</source>
            <translation>ネガティブプロンプトをコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>A1111</source>
            <translation>A1111</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Copy the parameters as Stable Diffusion WebUI writes them</source>
            <translation>Stable Diffusion WebUI と同じ形式でパラメータをコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Find</source>
            <translation>検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Search for images made with the same…</source>
            <translation>同じ…で作られた画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same prompt</source>
            <translation>同じプロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same seed</source>
            <translation>同じシード</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/prompt_bar.py" />
            <source>Same model</source>
            <translation>同じモデル</translation>
        </message>
    </context>
    <context>
        <name>PromptStatsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Prompt statistics</source>
            <translation>プロンプトの統計</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Counting the prompts of {scope}…</source>
            <translation>{scope}のプロンプトを集計中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Word</source>
            <translation>単語</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Images</source>
            <translation>画像数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>LoRA</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Mean weight</source>
            <translation>平均ウェイト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Prompt words</source>
            <translation>プロンプトの単語</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Negative words</source>
            <translation>ネガティブの単語</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>LoRAs</source>
            <translation>LoRA</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Copy as text</source>
            <translation>テキストとしてコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>Could not count the prompts: {e}</source>
            <translation>プロンプトを集計できませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/stats_dialog.py" />
            <source>{scope}: {n} images with generation data, {p} with a prompt.</source>
            <translation>{scope}：生成情報のある画像 {n} 枚、うちプロンプトあり {p} 枚。</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <location filename="../../acgdesk/gui/search_bar.py" />
            <source>Search: tags, rating:safe, score:&gt;0.7, width:&gt;=2000, sort:date, free words…</source>
            <translation>検索：タグ、rating:safe、score:&gt;0.7、width:&gt;=2000、sort:date、自由な言葉…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/search_bar.py" />
            <source>Column {col}: {message}</source>
            <translation>{col} 文字目：{message}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/i18n.py" />
            <source>System</source>
            <translation>システムに従う</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Never</source>
            <translation>しない</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Sensitive, questionable and explicit</source>
            <translation>センシティブ、クエスチョナブル、エクスプリシット</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Questionable and explicit</source>
            <translation>クエスチョナブル、エクスプリシット</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Explicit only</source>
            <translation>エクスプリシットのみ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Squares</source>
            <translation>正方形</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Justified rows</source>
            <translation>行揃え</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Show {k} tags from</source>
            <translation>{k} タグを表示するしきい値</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Device for models</source>
            <translation>モデルを実行するデバイス</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Run the chosen models while indexing</source>
            <translation>インデックス作成時に選んだモデルを実行</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Thumbnail size</source>
            <translation>サムネイルのサイズ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Grid layout</source>
            <translation>グリッドのレイアウト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Blurred images are shown when clicked, until the next search</source>
            <translation>ぼかした画像はクリックすると次の検索まで表示されます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Blur images rated</source>
            <translation>ぼかすレーティング</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>After a mark key (0-5, F, P, X), go to the next image</source>
            <translation>マークキー（0-5、F、P、X）の後、次の画像へ進む</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>light</source>
            <translation>ライト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>dark</source>
            <translation>ダーク</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Theme</source>
            <translation>テーマ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/settings_dialog.py" />
            <source>Language (after restart)</source>
            <translation>言語（再起動後に反映）</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Add folder…</source>
            <translation>フォルダーを追加…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Remove</source>
            <translation>削除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>All images  ({n})</source>
            <translation>すべての画像  （{n}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>[offline]</source>
            <translation>[オフライン]</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>{path}
{ok} images, {failed} unreadable, last scan {scan}</source>
            <translation>{path}
画像 {ok} 枚、読み込めないもの {failed} 枚、最終スキャン {scan}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>never</source>
            <translation>なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Offline: the folder was not found; its files are kept.</source>
            <translation>オフライン：フォルダーが見つかりません。ファイルの情報は保持されます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>{path}
{n} images here and in its sub-folders</source>
            <translation>{path}
このフォルダーとサブフォルダーに {n} 枚の画像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Add a folder to the library</source>
            <translation>ライブラリにフォルダーを追加</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Remove folder</source>
            <translation>フォルダーを削除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/sidebar.py" />
            <source>Stop managing {path}?

The images stay on disk untouched; only what acgdesk learnt about them (tags, scores) is forgotten.</source>
            <translation>{path} の管理をやめますか？

画像はディスク上にそのまま残ります。acgdesk が学んだ情報（タグ、スコア）だけが消去されます。</translation>
        </message>
    </context>
    <context>
        <name>SimilarAndUpscale</name>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>Looking for images similar to {s}…</source>
            <translation>{s} に似た画像を検索中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>Drop an image file or the image itself; acgdesk does not download {u}</source>
            <translation>画像ファイルか画像そのものをドロップしてください。acgdesk は {u} をダウンロードしません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/window_similar.py" />
            <source>The clipboard holds no image</source>
            <translation>クリップボードに画像がありません</translation>
        </message>
    </context>
    <context>
        <name>Slideshow</name>
        <message>
            <location filename="../../acgdesk/gui/view/slideshow.py" />
            <source>slideshow every {s} s</source>
            <translation>スライドショー（{s} 秒ごと）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/slideshow.py" />
            <source>, shuffled</source>
            <translation>、シャッフル</translation>
        </message>
    </context>
    <context>
        <name>TagsDialog</name>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Edit tags</source>
            <translation>タグを編集</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>tags to add, comma separated</source>
            <translation>追加するタグ（カンマ区切り）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>tags to remove, comma separated</source>
            <translation>削除するタグ（カンマ区切り）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Add</source>
            <translation>追加</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Remove</source>
            <translation>削除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/tags_dialog.py" />
            <source>Tags of {what}. A removed model tag stays rejected; Ctrl+Z undoes.</source>
            <translation>{what}のタグ。削除したモデルのタグは除外されたままになります。Ctrl+Z で元に戻せます。</translation>
        </message>
    </context>
    <context>
        <name>ThumbDelegate</name>
        <message>
            <location filename="../../acgdesk/gui/delegate.py" />
            <source>sensitive</source>
            <translation>センシティブ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/delegate.py" />
            <source>questionable</source>
            <translation>クエスチョナブル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/delegate.py" />
            <source>explicit</source>
            <translation>エクスプリシット</translation>
        </message>
    </context>
    <context>
        <name>UndoActions</name>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo</source>
            <translation>やり直す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>History…</source>
            <translation>履歴…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Undo {what}</source>
            <translation>元に戻す：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Redo {what}</source>
            <translation>やり直す：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Could not redo: {e}</source>
            <translation>やり直せませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_panel.py" />
            <source>Could not undo: {e}</source>
            <translation>元に戻せませんでした：{e}</translation>
        </message>
    </context>
    <context>
        <name>UpscaleDialog</name>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Conservative</source>
            <translation>控えめ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>None</source>
            <translation>なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Light</source>
            <translation>弱</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Strong</source>
            <translation>強</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale %n image(s)</source>
            <translation>
                <numerusform>%n 枚の画像をアップスケール</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Model (Real-CUGAN)</source>
            <translation>モデル（Real-CUGAN）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Scale</source>
            <translation>倍率</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Denoise</source>
            <translation>ノイズ除去</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Format</source>
            <translation>形式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>A new file is written next to each original; originals are never changed.</source>
            <translation>各元画像の隣に新しいファイルを書き出します。元画像は変更されません。</translation>
        </message>
    </context>
    <context>
        <name>Viewer</name>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>Loading…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>paused (K)</source>
            <translation>一時停止中 (K)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_status.py" />
            <source>frame {i} / {n}</source>
            <translation>フレーム {i} / {n}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Copied the image</source>
            <translation>画像をコピーしました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Blurred for its content rating: click to show</source>
            <translation>コンテンツのレーティングによりぼかし中：クリックで表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Slideshow</source>
            <translation>スライドショー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>Seconds per picture:</source>
            <translation>1 枚あたりの秒数：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer.py" />
            <source>View</source>
            <translation>表示</translation>
        </message>
    </context>
    <context>
        <name>ViewerMenu</name>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Next</source>
            <translation>次へ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Previous</source>
            <translation>前へ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Fit to window</source>
            <translation>ウィンドウに合わせる</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Actual size (100 %)</source>
            <translation>実寸 (100 %)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Rotate clockwise</source>
            <translation>右に回転</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Rotate anticlockwise</source>
            <translation>左に回転</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Full screen</source>
            <translation>全画面表示</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Information</source>
            <translation>情報</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Play animation</source>
            <translation>アニメーションを再生</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Pause animation</source>
            <translation>アニメーションを一時停止</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Stars</source>
            <translation>星</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>No stars</source>
            <translation>星なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Favourite</source>
            <translation>お気に入り</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Pick</source>
            <translation>採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Reject</source>
            <translation>不採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Undo</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Stop slideshow</source>
            <translation>スライドショーを停止</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Start slideshow</source>
            <translation>スライドショーを開始</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Shuffle</source>
            <translation>シャッフル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Slideshow interval…</source>
            <translation>スライドショーの間隔…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/view/viewer_commands.py" />
            <source>Back to the grid</source>
            <translation>グリッドに戻る</translation>
        </message>
    </context>
    <context>
        <name>WrapLabel</name>
        <message>
            <location filename="../../acgdesk/gui/detail_widgets.py" />
            <source>Copy</source>
            <translation>コピー</translation>
        </message>
    </context>
    <context>
        <name>batch</name>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{n} selected</source>
            <translation>{n} 枚選択中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>1 image</source>
            <translation>1 枚の画像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>all {n} results</source>
            <translation>全 {n} 件の結果</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Stars</source>
            <translation>星</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Favourite</source>
            <translation>お気に入り</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Not a favourite</source>
            <translation>お気に入り解除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Flag</source>
            <translation>フラグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Pick</source>
            <translation>採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Reject</source>
            <translation>不採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>No flag</source>
            <translation>フラグなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Edit tags…</source>
            <translation>タグを編集…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Add to album</source>
            <translation>アルバムに追加</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>New album…</source>
            <translation>新規アルバム…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Remove from album</source>
            <translation>アルバムから削除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Export sidecars…</source>
            <translation>サイドカーを書き出す…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copy to folder…</source>
            <translation>フォルダーへコピー…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to folder…</source>
            <translation>フォルダーへ移動…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to trash…</source>
            <translation>ゴミ箱へ移動…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Export training set…</source>
            <translation>学習用データセットを書き出す…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Not available in this version of the library core</source>
            <translation>このバージョンのライブラリコアでは使えません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Nothing selected</source>
            <translation>何も選択されていません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Apply to {what}</source>
            <translation>{what}に適用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>New album</source>
            <translation>新規アルバム</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Name of the album for {what}:</source>
            <translation>{what}のアルバム名：</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>writing sidecars</source>
            <translation>サイドカーを書き込み中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Exporting sidecars for {what}</source>
            <translation>{what}のサイドカーを書き出し中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving and copying files needs a newer library core</source>
            <translation>ファイルの移動とコピーには新しいライブラリコアが必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Move to folder</source>
            <translation>フォルダーへ移動</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copy to folder</source>
            <translation>フォルダーへコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Checking {what}…</source>
            <translation>{what}を確認中…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Cannot do that: {e}</source>
            <translation>実行できません：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Nothing to move or copy</source>
            <translation>移動またはコピーするものがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving</source>
            <translation>移動中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Copying</source>
            <translation>コピー中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{verb} {what} to {dest}</source>
            <translation>{verb}：{what} → {dest}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving files to the trash needs a newer library core</source>
            <translation>ファイルをゴミ箱へ移動するには新しいライブラリコアが必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>Moving {what} to the trash</source>
            <translation>{what}をゴミ箱へ移動中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/batch_actions.py" />
            <source>{what} failed: {e}</source>
            <translation>{what}に失敗しました：{e}</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>ViT-B/16 @448, 5000+ Danbooru tags, sigmoid, F1 0.578 at threshold 0.4; works on drawn and photographic images.</source>
            <translation>ViT-B/16 @448、5000 以上の Danbooru タグ、sigmoid、しきい値 0.4 で F1 0.578。イラストにも写真にも使えます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ViT); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru タガー（ViT）。一般・キャラクター・レーティングのタグを、それぞれ別のしきい値で出力します。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (SwinV2); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru タガー（SwinV2）。一般・キャラクター・レーティングのタグを、それぞれ別のしきい値で出力します。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ConvNeXt); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru タガー（ConvNeXt）。一般・キャラクター・レーティングのタグを、それぞれ別のしきい値で出力します。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (ViT-Large); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru タガー（ViT-Large）。一般・キャラクター・レーティングのタグを、それぞれ別のしきい値で出力します。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Danbooru tagger (EVA02-Large); general, character and rating tags with separate thresholds.</source>
            <translation>Danbooru タガー（EVA02-Large）。一般・キャラクター・レーティングのタグを、それぞれ別のしきい値で出力します。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>timm CAFormer-B36 (134.0M params) on the Danbooru wdtagger-v4 set: 12,476 tags (9,225 general, 3,247 character, 4 rating), 384x384; exact preprocessing from its preprocess.json.</source>
            <translation>timm CAFormer-B36（1 億 3400 万パラメータ）、Danbooru wdtagger-v4 データセットで学習：12,476 タグ（一般 9,225、キャラクター 3,247、レーティング 4）、384x384。前処理は preprocess.json のとおりです。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>EVA02-Large encoder of WD v3 with a head retrained on Danbooru to 2025-01: 13,461 tags (9,741 general, 3,720 character; no rating tags), 448x448 stretched, bilinear, (x-0.5)/0.5.</source>
            <translation>WD v3 の EVA02-Large エンコーダに、2025-01 までの Danbooru で再学習したヘッドを載せたもの：13,461 タグ（一般 9,741、キャラクター 3,720。レーティングタグなし）、448x448 に引き伸ばし、バイリニア、(x-0.5)/0.5。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Image and text towers in one 512-d space: search images by a sentence.</source>
            <translation>画像とテキストのエンコーダが同じ 512 次元空間を共有：文章で画像を検索できます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>One 0..1 aesthetic score per image; 768 px letterboxed on black, 0..1 input.</source>
            <translation>画像ごとに 0..1 の美しさスコアを 1 つ出します。黒でレターボックスした 768 px、入力は 0..1。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>512-d pooled features of a ResNet-18 (the tensor before its classifier): offline similar-image search.</source>
            <translation>ResNet-18 の 512 次元プーリング特徴（分類層の直前のテンソル）：オフラインの類似画像検索。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>YOLOv8n body-part detector; detections map to general / sensitive / questionable / explicit.</source>
            <translation>YOLOv8n の身体部位検出器。検出結果を general / sensitive / questionable / explicit に対応付けます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>384-d sentence embeddings of tags, prompts and names: offline semantic search.</source>
            <translation>タグ・プロンプト・名前の 384 次元の文埋め込み：オフラインの意味検索。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Anime super-resolution 2x/3x/4x with denoise levels; CPU or Vulkan GPU.</source>
            <translation>アニメ画像のアップスケール 2x/3x/4x、ノイズ除去レベル付き。CPU または Vulkan GPU。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Resolution and sharpness (variance of the Laplacian); no model needed.</source>
            <translation>解像度とシャープネス（ラプラシアンの分散）。モデルは不要です。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>512-d embeddings of Chinese, Japanese and English anime words (titles, characters, tags): choose it as the text encoder so 猫耳 or ネコミミ finds cat_ears.</source>
            <translation>中国語・日本語・英語のアニメ用語（作品名、キャラクター、タグ）の 512 次元埋め込み。テキストエンコーダに選ぶと 猫耳 や ネコミミ で cat_ears が見つかります。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>OpenAI CLIP ViT-L/14 fine-tuned on Danbooru 2021: anime text-to-image search, image and text in one 768-d space; 224 px, shortest side resized and centre-cropped.</source>
            <translation>Danbooru 2021 でファインチューニングした OpenAI CLIP ViT-L/14：テキストからアニメ画像を検索。画像とテキストは同じ 768 次元空間。224 px、短辺をリサイズして中央をクロップ。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>general tags on any image, photos included; no character or rating tags</source>
            <translation>写真を含むあらゆる画像の一般タグ。キャラクター・レーティングのタグはなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>balanced general tags; the smallest WD v3</source>
            <translation>バランスのよい一般タグ。最も小さい WD v3</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>best general-tag accuracy of the base-size WD v3 models</source>
            <translation>ベースサイズの WD v3 で一般タグが最も正確</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>good general tags from a convolutional backbone</source>
            <translation>畳み込みバックボーンによる良好な一般タグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>more accurate general and character tags than the base models</source>
            <translation>ベースモデルより正確な一般・キャラクタータグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>the most accurate WD v3, strongest on characters</source>
            <translation>最も正確な WD v3。キャラクターに最も強い</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>newest Danbooru-v4 tag set with ratings; animetimm's recommended model</source>
            <translation>最新の Danbooru-v4 タグセット（レーティング付き）。animetimm の推奨モデル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>recent characters and series (data to 2025-01), recall-first: finds more tags to filter</source>
            <translation>新しいキャラクターや作品に強い（2025-01 までのデータ）。再現率重視：絞り込み用に多めにタグを出します</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>search by an English sentence ("girl under cherry blossoms"); weak on character names</source>
            <translation>英語の文で検索（"girl under cherry blossoms"）。キャラクター名は苦手</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>sorting anime illustrations by how polished they look; meaningless on photos</source>
            <translation>アニメイラストを仕上がりの良さで並べ替え。写真には無意味</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline similar-image search (near duplicates, same scene); its own anime/not-anime class is not reliable and is not shown</source>
            <translation>オフラインの類似画像検索（ほぼ重複、同じ場面）。付属のアニメ／非アニメ判定は信頼できないため表示しません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline content rating from exposed body parts; trained on photos, rougher on drawings</source>
            <translation>露出した身体部位からオフラインでレーティングを判定。写真で学習しており、イラストでは粗め</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>offline search of tags, prompts and names by meaning (English)</source>
            <translation>タグ・プロンプト・名前を意味でオフライン検索（英語）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>upscaling anime art 2-4x with clean lines; not for photos</source>
            <translation>アニメ絵を 2〜4 倍にアップスケール、線がきれい。写真には不向き</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>finding small, blurry or out-of-focus files</source>
            <translation>小さい・ぼやけた・ピンぼけのファイルを探す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>multilingual (Chinese / Japanese / English) search of tags, prompts and names; knows anime titles and characters</source>
            <translation>多言語（中国語／日本語／英語）でタグ・プロンプト・名前を検索。アニメ作品やキャラクターを知っています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>text-to-image search in Danbooru's own words (tags, characters, series)</source>
            <translation>Danbooru の言葉（タグ、キャラクター、作品）でテキストから画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>no network: thousands of images a second</source>
            <translation>ネットワークなし：毎秒数千枚</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>small network: tens of images a second on a CPU</source>
            <translation>小型ネットワーク：CPU で毎秒数十枚</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>base-size network: about one image a second on a CPU, GPU advised for big libraries</source>
            <translation>ベースサイズのネットワーク：CPU で毎秒約 1 枚。大きなライブラリには GPU を推奨</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>large network: seconds per image on a CPU, GPU strongly advised</source>
            <translation>大型ネットワーク：CPU で 1 枚に数秒。GPU を強く推奨</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>computed without model files</source>
            <translation>モデルファイルなしで計算</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>how polished an anime illustration looks, 0..1 (meaningless on photos)</source>
            <translation>アニメイラストの仕上がりの良さ、0..1（写真には無意味）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>resolution and focus, 0..1: 0.5 is the usual blurry-below line, crisp line art nears 1</source>
            <translation>解像度とピント、0..1：0.5 未満がぼやけの目安、くっきりした線画は 1 に近い</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>width x height of the original file in millions of pixels</source>
            <translation>元ファイルの幅 x 高さ（百万画素単位）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>variance of the Laplacian at 512 px, the raw number behind sharpness</source>
            <translation>512 px でのラプラシアンの分散。シャープネスの元になる生の値</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>how much this looks like the images you marked as liked, 0..1 (learnt from your marks)</source>
            <translation>「好き」とマークした画像にどれだけ似ているか、0..1（あなたのマークから学習）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime-or-not class score: wrong on many photos as computed, so not shown</source>
            <translation>anime-or-not の分類スコア：現在の計算では多くの写真で誤るため表示しません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>a score stored by a model; no description is known</source>
            <translation>モデルが保存したスコア。説明は不明です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime-aesthetic model</source>
            <translation>anime-aesthetic モデル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>no model</source>
            <translation>モデルなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>your marks</source>
            <translation>あなたのマーク</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>unknown model</source>
            <translation>不明なモデル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>see the model card</source>
            <translation>モデルカードを参照</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>not stated on the model card</source>
            <translation>モデルカードに記載なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>unknown (package metadata gives none)</source>
            <translation>不明（パッケージのメタデータに記載なし）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>AGPL-3.0 (LICENSE file; the package metadata says MIT)</source>
            <translation>AGPL-3.0（LICENSE ファイル。パッケージのメタデータでは MIT）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>Apache-2.0 (model); MIT (package)</source>
            <translation>Apache-2.0（モデル）、MIT（パッケージ）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>MIT (weights); BSD-3-Clause (package)</source>
            <translation>MIT（重み）、BSD-3-Clause（パッケージ）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>MIT (the repository's first model card; the current card names none)</source>
            <translation>MIT（リポジトリ最初のモデルカード。現在のカードには記載なし）</translation>
        </message>
    </context>
    <context>
        <name>core_errors</name>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source> (did you mean '{word}'?)</source>
            <translation>（'{word}' のことですか？）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: the smart album '{name}' has a query that does not parse: {error}</source>
            <translation>album: スマートアルバム '{name}' のクエリを解析できません：{error}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unterminated quote: add a closing "</source>
            <translation>引用符が閉じていません：" を追加してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to negate after '-' (write -tag, without a space)</source>
            <translation>'-' の後に否定する語がありません（-tag のように空白を入れずに書きます）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unmatched ')': no '(' before it</source>
            <translation>対応する '(' のない ')' があります</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{op} needs a term on its left</source>
            <translation>{op} の左に条件が必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{op} needs a term on its right</source>
            <translation>{op} の右に条件が必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to negate after {op}</source>
            <translation>{op} の後に否定する語がありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>missing ')' to close this '('</source>
            <translation>この '(' を閉じる ')' がありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>empty parentheses</source>
            <translation>括弧の中が空です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unexpected {token}</source>
            <translation>予期しない {token}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown field '{name}'{did_you_mean}; valid fields: {fields} (to search for the text itself, put it in quotes; for a tag, write tag:...)</source>
            <translation>不明なフィールド '{name}'{did_you_mean}。使えるフィールド：{fields}（その文字列そのものを検索するには引用符で囲み、タグなら tag:... と書きます）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: needs a value</source>
            <translation>{field}: 値が必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>is: unknown value '{value}'{did_you_mean}; expected fav, pick, reject or marked</source>
            <translation>is: 不明な値 '{value}'{did_you_mean}。fav、pick、reject、marked のいずれかを指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: unknown value '{value}'{did_you_mean}; expected one of {values}</source>
            <translation>{field}: 不明な値 '{value}'{did_you_mean}。{values} のいずれかを指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>'{words}' is free text (semantic search), which cannot be negated or used with OR; for a tag write tag:{tag}</source>
            <translation>'{words}' はフリーテキスト（意味検索）なので、否定や OR には使えません。タグなら tag:{tag} と書きます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: cannot be negated or used with OR</source>
            <translation>sort: は否定や OR には使えません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: a range takes no '{op}'</source>
            <translation>{field}: 範囲に '{op}' は付けられません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: a range needs at least one end, e.g. 1..5</source>
            <translation>{field}: 範囲には少なくとも片方の端が必要です（例：1..5）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: empty range, {low} is after {high}</source>
            <translation>{field}: 空の範囲です（{low} が {high} より後です）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a value after '{op}'</source>
            <translation>{field}: '{op}' の後に値が必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a number, got '{text}'</source>
            <translation>{field}: 数値が必要ですが、'{text}' が指定されました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: expected a whole number, got '{text}'</source>
            <translation>{field}: 整数が必要ですが、'{text}' が指定されました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>stars: from 0 to 5, got {stars}</source>
            <translation>stars: 0〜5 で指定してください（{stars} が指定されました）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>size: expected a size like 500KB or 2.5MB, got '{text}'</source>
            <translation>size: 500KB や 2.5MB のようなサイズが必要ですが、'{text}' が指定されました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score: expected a comparison such as score:&gt;0.7 or score:{text}&gt;0.7</source>
            <translation>score: score:&gt;0.7 や score:{text}&gt;0.7 のような比較が必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score: expected a score kind before the comparison</source>
            <translation>score: 比較の前にスコアの種類が必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>ratio: expected 16:9 or 1.78, got '{text}'</source>
            <translation>ratio: 16:9 や 1.78 のような値が必要ですが、'{text}' が指定されました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>ratio: '{text}' has a zero side</source>
            <translation>ratio: '{text}' は辺の一方が 0 です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>date: expected YYYY, YYYY-MM, YYYY-MM-DD or an age like 7d, got '{text}'</source>
            <translation>date: YYYY、YYYY-MM、YYYY-MM-DD または 7d のような経過期間が必要ですが、'{text}' が指定されました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>date: invalid date '{text}' ({detail})</source>
            <translation>date: 無効な日付 '{text}'（{detail}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: unknown rating '{value}'{did_you_mean}; expected general (safe, g), sensitive (s), questionable (q) or explicit (e)</source>
            <translation>rating: 不明なレーティング '{value}'{did_you_mean}。general (safe, g)、sensitive (s)、questionable (q)、explicit (e) のいずれかを指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: '{op}' takes one rating</source>
            <translation>rating: '{op}' には 1 つのレーティングしか指定できません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>rating: no rating is {op} {rating}</source>
            <translation>rating: {op} {rating} に当てはまるレーティングはありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{field}: takes no comparison</source>
            <translation>{field}: 比較は使えません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: unknown key '{value}'{did_you_mean}; expected one of {keys}</source>
            <translation>sort: 不明なキー '{value}'{did_you_mean}。{keys} のいずれかを指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: expected sort:taste, sort:taste:asc or :desc</source>
            <translation>sort: sort:taste、sort:taste:asc または :desc と指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>sort: expected sort:{key}, sort:{key}:asc or sort:{key}:desc</source>
            <translation>sort: sort:{key}、sort:{key}:asc または sort:{key}:desc と指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>score:{kind} is not offered: {meaning}</source>
            <translation>score:{kind} は使えません：{meaning}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: this search has no albums to look in</source>
            <translation>album: この検索には対象のアルバムがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: no album named '{name}'</source>
            <translation>album: '{name}' という名前のアルバムはありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>album: the smart album '{name}' refers to itself</source>
            <translation>album: スマートアルバム '{name}' が自分自身を参照しています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>a content rating</source>
            <translation>コンテンツのレーティング</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>resize</source>
            <translation>リサイズ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>fit</source>
            <translation>合わせ方</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>image format</source>
            <translation>画像形式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>max side</source>
            <translation>最大辺</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>bucket resolution</source>
            <translation>バケット解像度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>bucket step</source>
            <translation>バケットの刻み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum side</source>
            <translation>最小辺</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>caption source</source>
            <translation>キャプションの元</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>format</source>
            <translation>形式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>repeats</source>
            <translation>繰り返し回数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{option} must be one of {choices}, not {value}</source>
            <translation>{option} は {choices} のいずれかにしてください（{value} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{option} must be at least {low}, not {value}</source>
            <translation>{option} は {low} 以上にしてください（{value} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>colour must be #rrggbb, #rgb, white, black or grey, not {value}</source>
            <translation>色は #rrggbb、#rgb、white、black、grey のいずれかにしてください（{value} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum stars must be 0 to 5, not {value}</source>
            <translation>最低の星の数は 0〜5 にしてください（{value} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>minimum taste must be between 0 and 1, not {value}</source>
            <translation>最低の好み度は 0〜1 にしてください（{value} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>quality must be 1 to 100, not {value}</source>
            <translation>品質は 1〜100 にしてください（{value} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>buckets need step &lt;= min &lt;= max, not {step} / {min} / {max}</source>
            <translation>バケットは step &lt;= min &lt;= max にしてください（{step} / {min} / {max} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>the validation fraction must be from 0 up to (not including) 1, not {value}</source>
            <translation>検証用の割合は 0 以上 1 未満にしてください（{value} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>kohya's folder layout has no validation split: use --format hf or onetrainer, or set validation_split in sd-scripts' own dataset config</source>
            <translation>kohya のフォルダー構成には検証用の分割がありません：--format hf か onetrainer を使うか、sd-scripts 自体のデータセット設定で validation_split を指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown part of the dataset options: {part}</source>
            <translation>データセット設定の不明な項目：{part}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>unknown {part} option(s): {names}</source>
            <translation>
                <numerusform>不明な {part} のオプション：{names}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} exists and is not a folder</source>
            <translation>{path} は存在しますがフォルダーではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not empty and holds no acgdesk dataset: choose an empty or new folder (a dataset is never mixed into other files)</source>
            <translation>{path} は空ではなく、acgdesk のデータセットもありません：空のフォルダーか新しいフォルダーを選んでください（データセットをほかのファイルと混ぜることはありません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot create {path}: {detail}</source>
            <translation>{path} を作成できません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>refused a target name {name}</source>
            <translation>出力先の名前 {name} は使えません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name} would be written outside {root}</source>
            <translation>{name} は {root} の外に書き込まれてしまいます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name}: a symbolic link is in its place</source>
            <translation>{name}: その場所にシンボリックリンクがあります</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>refused a folder name {name}</source>
            <translation>フォルダー名 {name} は使えません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{name} is outside {root}</source>
            <translation>{name} は {root} の外にあります</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>not an acgdesk dataset manifest (version {version})</source>
            <translation>acgdesk のデータセットのマニフェストではありません（バージョン {version}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>the dataset manifest is damaged: {detail}</source>
            <translation>データセットのマニフェストが壊れています：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>no dataset manifest at {path}</source>
            <translation>{path} にデータセットのマニフェストがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot read {path}: {detail}</source>
            <translation>{path} を読み込めません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not valid JSON: {detail}</source>
            <translation>{path} は有効な JSON ではありません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is not a dataset manifest</source>
            <translation>{path} はデータセットのマニフェストではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>nothing to export: no file matches the query and filters</source>
            <translation>書き出すものがありません：クエリとフィルターに一致するファイルがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} is inside the library folder {folder}: its copies would be indexed as duplicates of the originals. Choose a folder outside the library (or allow it explicitly)</source>
            <translation>{path} はライブラリのフォルダー {folder} の中にあります：コピーが元の画像の重複としてインデックスされてしまいます。ライブラリの外のフォルダーを選んでください（または明示的に許可してください）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{path} holds the library folder {folder}: choose another folder</source>
            <translation>{path} にはライブラリのフォルダー {folder} が含まれています：別のフォルダーを選んでください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors.py" />
            <source>{message} (at position {position})</source>
            <translation>{message}（位置 {position}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot create the library folder {path}: {detail}</source>
            <translation>ライブラリのフォルダー {path} を作成できません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot open {path}: {detail}</source>
            <translation>{path} を開けません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not a folder: {path}</source>
            <translation>フォルダーではありません：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>not in the library: {ref}</source>
            <translation>ライブラリにありません：{ref}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>this library was written by a newer acgdesk (unknown schema migrations: {migrations}); upgrade acgdesk to open it</source>
            <translation>このライブラリは新しいバージョンの acgdesk で書き込まれています（不明なスキーマ移行：{migrations}）。開くには acgdesk をアップグレードしてください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>manual</source>
            <translation>通常</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>smart</source>
            <translation>スマート</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>group</source>
            <translation>グループ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>an album needs a name</source>
            <translation>アルバムには名前が必要です</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>an album name may have at most {max} characters</source>
            <translation>
                <numerusform>アルバム名は {max} 文字までです</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album named {name}; albums: {albums}</source>
            <translation>{name} という名前のアルバムはありません。アルバム：{albums}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album named {name}; there are no albums yet</source>
            <translation>{name} という名前のアルバムはありません。アルバムはまだありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no album with id {id}</source>
            <translation>ID {id} のアルバムはありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>album kind must be one of {kinds}</source>
            <translation>アルバムの種類は {kinds} のいずれかにしてください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a smart album needs a query</source>
            <translation>スマートアルバムにはクエリが必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a {kind} album has no query</source>
            <translation>{kind}アルバムにはクエリを設定できません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>there is already an album or group named {name}</source>
            <translation>{name} という名前のアルバムまたはグループはすでにあります</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{name} is an album, not a group: albums nest in groups only</source>
            <translation>{name} はグループではなくアルバムです：アルバムはグループの中にだけ入れられます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>a group cannot be placed inside itself</source>
            <translation>グループを自分自身の中に入れることはできません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>only a smart album has a query, and it cannot be empty</source>
            <translation>クエリを持てるのはスマートアルバムだけで、空にはできません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{name} is a {kind} album: images are added to manual albums only</source>
            <translation>{name} は{kind}アルバムです：画像を追加できるのは通常アルバムだけです</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} is a {task} model, not a text encoder</source>
            <translation>{model} は{task}のモデルで、テキストエンコーダではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>the text encoder {model} needs a model store</source>
            <translation>テキストエンコーダ {model} にはモデルストアが必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no image embeddings in this library: run acgdesk index with an image embedder</source>
            <translation>このライブラリには画像埋め込みがありません：画像埋め込みモデルを使って acgdesk index を実行してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} is not a model this acgdesk can run</source>
            <translation>{model} はこの acgdesk で実行できるモデルではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no model store to load the image model from</source>
            <translation>画像モデルを読み込むモデルストアがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>cannot read the image: {detail}</source>
            <translation>画像を読み込めません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{model} gave no embedding</source>
            <translation>{model} から埋め込みが得られませんでした</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>file {id} has no {model} embedding yet: run acgdesk index</source>
            <translation>ファイル {id} にはまだ {model} の埋め込みがありません：acgdesk index を実行してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>unreadable index manifest {path}: {detail}</source>
            <translation>インデックスのマニフェスト {path} を読み込めません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>index manifest {path} is not an object</source>
            <translation>インデックスのマニフェスト {path} が JSON オブジェクトではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>index manifest {path} is incomplete: {detail}</source>
            <translation>インデックスのマニフェスト {path} が不完全です：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} has format {found}, expected {expected}</source>
            <translation>{path} の形式は {found} ですが、{expected} である必要があります</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} was built for model {found}, not {expected}</source>
            <translation>{path} はモデル {found} 用に作成されたもので、{expected} 用ではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} has dimension {found}, the vectors have {expected}</source>
            <translation>{path} の次元は {found} ですが、ベクトルの次元は {expected} です</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} is {size} bytes, its manifest says {expected}</source>
            <translation>
                <numerusform>{path} は {size} バイトですが、マニフェストには {expected} バイトと記録されています</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} does not match the checksum in its manifest</source>
            <translation>{path} がマニフェストのチェックサムと一致しません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>hnswlib cannot read {path}: {detail}</source>
            <translation>hnswlib で {path} を読み込めません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>{path} does not hold what its manifest describes</source>
            <translation>{path} の内容がマニフェストの記述と一致しません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no vectors of model {model} in this library</source>
            <translation>このライブラリにはモデル {model} のベクトルがありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>moving to the trash is supported on Linux and BSD desktops in this version</source>
            <translation>このバージョンでは、ゴミ箱への移動は Linux と BSD のデスクトップでのみ使えます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>not there any more: {path}</source>
            <translation>ファイルがもうありません：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>could not move {path} to the trash: {detail}</source>
            <translation>{path} をゴミ箱へ移動できませんでした：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>the trash has no free name for {path}</source>
            <translation>ゴミ箱に {path} 用の空いている名前がありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>no longer in the trash (emptied?): {path}</source>
            <translation>もうゴミ箱にありません（ゴミ箱を空にしましたか？）：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_library.py" />
            <source>another file now has its name: {path}</source>
            <translation>別のファイルがすでにその名前を使っています：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>acgdesk never loads pickle files (.pt, .pth, .ckpt, .bin): unpickling can run arbitrary code. Use the model's .safetensors or .onnx file instead</source>
            <translation>acgdesk は pickle ファイル（.pt, .pth, .ckpt, .bin）を読み込みません：unpickle すると任意のコードが実行されるおそれがあります。代わりにモデルの .safetensors か .onnx ファイルを使ってください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>model id</source>
            <translation>モデル ID</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>model version</source>
            <translation>モデルのバージョン</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: not found in {folder}: {missing}</source>
            <translation>{id}：{folder} に見つかりません：{missing}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>. Found {pickles}: refused, {why}</source>
            <translation>。{pickles} が見つかりましたが使えません：{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>. The files are at {where}</source>
            <translation>。ファイルは {where} にあります</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing or unreadable</source>
            <translation>{path} がないか、読み込めません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} belongs to {owner}</source>
            <translation>{path} は {owner} のものです</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{name} is not in the manifest (the catalogue lists files this copy lacks)</source>
            <translation>{name} がマニフェストにありません（カタログには、このコピーにないファイルが載っています）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing</source>
            <translation>{path} がありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} is missing (it pointed at {where})</source>
            <translation>{path} がありません（リンク先は {where} でした）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} changed on disk ({size} bytes, {recorded} recorded)</source>
            <translation>{path} がディスク上で変更されています（{size} バイト、記録は {recorded}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{name} is not the version the catalogue pins</source>
            <translation>{name} はカタログで固定されたバージョンではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{problem}: run `acgdesk models install {id} --force` to repair it</source>
            <translation>{problem}：`acgdesk models install {id} --force` を実行すると修復します</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>an install was interrupted: run `acgdesk models install {id}` to resume it</source>
            <translation>インストールが中断されました：`acgdesk models install {id}` を実行すると再開します</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not installed: run `acgdesk models install {id}` (or `acgdesk models scan` to use a copy already on disk, or download the files by hand and run `acgdesk models import {id} FOLDER`)</source>
            <translation>未インストール：`acgdesk models install {id}` を実行してください（ディスク上にある既存のコピーを使うなら `acgdesk models scan`、ファイルを手動でダウンロードしたなら `acgdesk models import {id} FOLDER`）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>it ships with the Python package {package}, which is not installed: run `{command}` in acgdesk's Python environment</source>
            <translation>Python パッケージ {package} に含まれていますが、そのパッケージがインストールされていません：acgdesk の Python 環境で `{command}` を実行してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>the Python package {package} in {folder} lacks {missing}: reinstall it with `{command}`</source>
            <translation>{folder} にある Python パッケージ {package} に {missing} がありません：`{command}` で再インストールしてください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {detail}</source>
            <translation>{id}：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: invalid file name {name} in the catalogue</source>
            <translation>{id}：カタログのファイル名 {name} は無効です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {name} is a pickle checkpoint; {why}</source>
            <translation>{id}：{name} は pickle 形式のチェックポイントです。{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: {name}: only {suffixes} files are accepted</source>
            <translation>{id}：{name}：使えるのは {suffixes} ファイルだけです</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) refused: {detail}; {why}</source>
            <translation>{path}（{name}）は使えません：{detail}。{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) holds pickled data, not the expected format; {why}</source>
            <translation>{path}（{name}）の中身は想定した形式ではなく pickle データです。{why}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) is not a safetensors file</source>
            <translation>{path}（{name}）は safetensors ファイルではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} ({name}) is empty</source>
            <translation>{path}（{name}）は空です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot link {path} into {folder} (another drive, and no symbolic links here: {detail}); use `acgdesk models import` to copy it instead</source>
            <translation>{path} を {folder} にリンクできません（別のドライブにあり、ここではシンボリックリンクも作れません：{detail}）。代わりに `acgdesk models import` でコピーしてください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot write {path}: {detail}</source>
            <translation>{path} に書き込めません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>hub_endpoint must be an http(s) URL, not {url}</source>
            <translation>hub_endpoint は http(s) の URL にしてください（{url} は使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot move {path} to {dest}: {detail}</source>
            <translation>{path} を {dest} に移動できません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot remove {path}: {detail}</source>
            <translation>{path} を削除できません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>another acgdesk process (or thread) is installing or removing {id}; wait for it to finish</source>
            <translation>別の acgdesk プロセス（またはスレッド）が {id} をインストールまたは削除しています。終わるまでお待ちください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>several different files named {name} in {folder}: {files}; point FOLDER at the one folder that holds the model's files</source>
            <translation>{folder} に {name} という名前の異なるファイルが複数あります：{files}。FOLDER にはモデルのファイルがある1つのフォルダーを指定してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot copy {path} to {dest}: {detail}</source>
            <translation>{path} を {dest} にコピーできません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} has {size} bytes but {name} has {expected}: a different file or version</source>
            <translation>{path} は {size} バイトですが、{name} は {expected} バイトです：別のファイルかバージョンです</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{path} does not match the pinned SHA-256 of {name} (got {got}, expected {expected}): a different file or version, or a damaged download</source>
            <translation>{path} は {name} の固定された SHA-256 と一致しません（{got} でしたが、{expected} のはずです）：別のファイルかバージョンか、ダウンロードが壊れています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files</source>
            <translation>{id} にモデルファイルは必要ありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} is not a downloadable model</source>
            <translation>{id} はダウンロードできるモデルではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id}: the files in {folder} cannot be verified (the catalogue pins no digest for them); pass --trust to use them anyway</source>
            <translation>{id}：{folder} のファイルを検証できません（カタログにハッシュ値が固定されていません）。それでも使うなら --trust を付けてください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} ships with the Python package {package}; there is nothing to import (install it with `{command}`)</source>
            <translation>{id} は Python パッケージ {package} に含まれています。インポートするものはありません（`{command}` でインストールしてください）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files; there is nothing to import</source>
            <translation>{id} にモデルファイルは必要ありません。インポートするものはありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} ships with the Python package {package}; acgdesk does not remove packages (use `pip uninstall {dist}`)</source>
            <translation>{id} は Python パッケージ {package} に含まれています。acgdesk はパッケージを削除しません（`pip uninstall {dist}` を使ってください）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{id} needs no model files; there is nothing to remove</source>
            <translation>{id} にモデルファイルは必要ありません。削除するものはありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>invalid {what} {value}: it must be a plain folder name</source>
            <translation>{what} {value} は無効です：普通のフォルダー名にしてください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>unknown model {id}; known: {known}</source>
            <translation>不明なモデル {id}。使えるモデル：{known}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>SHA-256 mismatch: got {got}, the pinned digest is {pinned}</source>
            <translation>SHA-256 が一致しません：{got} でしたが、固定されたハッシュ値は {pinned} です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>SHA-256 mismatch: got {got}, the hub's published digest is {address}</source>
            <translation>SHA-256 が一致しません：{got} でしたが、Hub が公開しているハッシュ値は {address} です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>got {size} bytes but {expected} were expected</source>
            <translation>{size} バイトでしたが、{expected} バイトのはずです</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>download {names} from {where} by hand into one folder and run `acgdesk models import {id} FOLDER`</source>
            <translation>{where} から {names} を手動で1つのフォルダーにダウンロードし、`acgdesk models import {id} FOLDER` を実行してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>; or {hint}</source>
            <translation>。または、{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{problem}; the corrupt file was deleted: run again to retry</source>
            <translation>{problem}。壊れたファイルは削除しました：もう一度実行するとやり直します</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: {problem}. Nothing was installed</source>
            <translation>{url}：{problem}。何もインストールしていません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>set</source>
            <translation>設定済み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>not set</source>
            <translation>未設定</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: the hub offers {size} bytes but {expected} were expected; the file on the hub has changed or the repository is wrong</source>
            <translation>{url}：Hub が提供しているのは {size} バイトですが、{expected} バイトのはずです。Hub 上のファイルが変わったか、リポジトリが間違っています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: SHA-256 mismatch: the hub publishes {etag}, the pinned digest is {pinned}; the file on the hub has changed</source>
            <translation>{url}：SHA-256 が一致しません：Hub が公開しているのは {etag} ですが、固定されたハッシュ値は {pinned} です。Hub 上のファイルが変わっています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP {status}: access denied. The model may be gated or private: accept its terms on its page at {endpoint}, then run `hf auth login` or set {env}=&lt;token&gt; ({env} is {token}){hint}</source>
            <translation>{url}：HTTP {status}：アクセスが拒否されました。モデルがゲート付きか非公開の可能性があります：{endpoint} のモデルのページで利用規約に同意してから、`hf auth login` を実行するか {env}=&lt;token&gt; を設定してください（{env} は{token}）{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP 404 not found: the repository, revision or file name may have changed (check the model's page){hint}</source>
            <translation>{url}：HTTP 404 見つかりません：リポジトリ、リビジョン、ファイル名のいずれかが変わった可能性があります（モデルのページを確認してください）{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HF_HUB_OFFLINE is set and the file is not in the Hugging Face cache ({cache}). No network? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>{url}：HF_HUB_OFFLINE が設定されていて、ファイルが Hugging Face キャッシュ（{cache}）にありません。ネットワークがない場合は、HF_ENDPOINT か `acgdesk config hub_endpoint URL` でミラーを設定できます{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: cannot reach {endpoint} and the file is not in the Hugging Face cache ({cache}). No network? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>{url}：{endpoint} に接続できず、ファイルが Hugging Face キャッシュ（{cache}）にもありません。ネットワークがない場合は、HF_ENDPOINT か `acgdesk config hub_endpoint URL` でミラーを設定できます{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: HTTP {status}: {detail}{hint}</source>
            <translation>{url}：HTTP {status}：{detail}{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>cannot reach {endpoint} for {url} ({kind}: {detail}). No network, or a proxy is needed? A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{hint}</source>
            <translation>{url} を取得するための {endpoint} に接続できません（{kind}: {detail}）。ネットワークがないか、プロキシが必要では？ミラーは HF_ENDPOINT か `acgdesk config hub_endpoint URL` で設定できます{hint}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_errors_models.py" />
            <source>{url}: download failed ({kind}: {detail}){hint}</source>
            <translation>{url}：ダウンロードに失敗しました（{kind}: {detail}）{hint}</translation>
        </message>
    </context>
    <context>
        <name>core_score</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>aesthetic</source>
            <translation>美しさ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>sharpness</source>
            <translation>シャープネス</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>megapixels</source>
            <translation>メガピクセル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>edge contrast</source>
            <translation>エッジコントラスト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>taste</source>
            <translation>好み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>anime</source>
            <translation>アニメ</translation>
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
            <translation>高速</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>medium</source>
            <translation>中速</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>slow</source>
            <translation>低速</translation>
        </message>
    </context>
    <context>
        <name>core_state</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>installed</source>
            <translation>インストール済み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>missing</source>
            <translation>未インストール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>incomplete</source>
            <translation>不完全</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>package-missing</source>
            <translation>パッケージなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>builtin</source>
            <translation>組み込み</translation>
        </message>
    </context>
    <context>
        <name>core_task</name>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>tagger</source>
            <translation>タガー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>image_embedder</source>
            <translation>画像埋め込み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>clip</source>
            <translation>CLIP</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>text_encoder</source>
            <translation>テキストエンコーダ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>rating</source>
            <translation>レーティング</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>aesthetic</source>
            <translation>美しさスコア</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/core_text.py" />
            <source>upscaler</source>
            <translation>アップスケール</translation>
        </message>
    </context>
    <context>
        <name>curation</name>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>1 image</source>
            <translation>1 枚の画像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>{what} failed: {e}</source>
            <translation>{what}に失敗しました：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>pick</source>
            <translation>採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>rejected</source>
            <translation>不採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Quit</source>
            <translation>終了</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;Edit</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select all</source>
            <translation>すべて選択</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select none</source>
            <translation>選択を解除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>After marking, go to the next image</source>
            <translation>マークしたら次の画像へ進む</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>&amp;Selection</source>
            <translation>選択(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Selection</source>
            <translation>選択</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Mark, tag, add to an album, export, move, copy or trash the selection</source>
            <translation>選択中の画像にマーク、タグ付け、アルバム追加、書き出し、移動、コピー、ゴミ箱への移動を行う</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Select images to mark</source>
            <translation>マークする画像を選択してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing changed: {what}</source>
            <translation>変更なし：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Could not do that: {e}</source>
            <translation>実行できませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing to redo</source>
            <translation>やり直す操作はありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Nothing to undo</source>
            <translation>元に戻す操作はありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Redone: {what}</source>
            <translation>やり直しました：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Undone: {what}</source>
            <translation>元に戻しました：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>{what}: cancelled</source>
            <translation>{what}：キャンセルしました</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>%Ln sidecar(s) written, {old} already there, {none} without tags, {bad} failed</source>
            <translation>
                <numerusform>サイドカーを %Ln 個書き込み、{old} 個は既存、{none} 個はタグなし、{bad} 個は失敗</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Learning your taste needs a newer library core</source>
            <translation>好みの学習には新しいライブラリコアが必要です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Learning your taste from your marks</source>
            <translation>マークから好みを学習中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Could not learn your taste: {e}</source>
            <translation>好みを学習できませんでした：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>Taste: {what}</source>
            <translation>好み：{what}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/controller.py" />
            <source>learnt again</source>
            <translation>再学習しました</translation>
        </message>
    </context>
    <context>
        <name>dataset</name>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Selection</source>
            <translation>絞り込み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Export training set</source>
            <translation>学習用データセットを書き出す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Copies of {what}, resized and captioned for training. The originals are only read.</source>
            <translation>{what}のコピーをリサイズし、キャプションを付けて学習用に書き出します。元の画像は読み取るだけで変更しません。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Preview</source>
            <translation>プレビュー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Sample captions</source>
            <translation>キャプションの例</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Export</source>
            <translation>書き出す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Counting…</source>
            <translation>集計中…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>&lt;b&gt;%Ln image(s)&lt;/b&gt; will be in the set</source>
            <translation>
                <numerusform>データセットには &lt;b&gt;%Ln 枚の画像&lt;/b&gt; が入ります</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} matched the selection and filters</source>
            <translation>選択範囲と絞り込み条件に一致：{n} 枚</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} near-duplicates left out</source>
            <translation>ほぼ重複する画像 {n} 枚を除外</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} skipped ({why})</source>
            <translation>{n} 枚をスキップ（{why}）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{train} for training, {val} for validation</source>
            <translation>学習用 {train} 枚、検証用 {val} 枚</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>{n} with an empty caption</source>
            <translation>キャプションが空の画像 {n} 枚</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source> and {n} more sizes</source>
            <translation>、ほか {n} 種類のサイズ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Sizes: {sizes}</source>
            <translation>サイズ：{sizes}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Folders: {names}</source>
            <translation>フォルダー：{names}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>The folder holds an earlier export: finished files are kept, changed ones made again, and files no longer chosen removed</source>
            <translation>このフォルダーには以前の書き出しがあります：完成済みのファイルはそのまま残し、変わったものは作り直し、選ばれなくなったファイルは削除します</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>(empty caption)</source>
            <translation>（キャプションなし）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Choose the folder to export into</source>
            <translation>書き出し先のフォルダーを選んでください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/dialog.py" />
            <source>Nothing to export with these options</source>
            <translation>この設定では書き出す画像がありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>a replacement is old=new, not {part!r}</source>
            <translation>置換は 旧=新 の形式で指定してください（{part!r} ではなく）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>a new or empty folder, or an earlier export to update</source>
            <translation>新規または空のフォルダー、または更新する以前の書き出し先</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Choose…</source>
            <translation>選択…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Folder</source>
            <translation>フォルダー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Layout</source>
            <translation>フォルダー構成</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>the trigger word, else "dataset"</source>
            <translation>トリガーワード、なければ "dataset"</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Concept</source>
            <translation>コンセプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Repeats</source>
            <translation>繰り返し回数</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The fraction held out for validation (not for kohya's layout)</source>
            <translation>検証用に取り分ける割合（kohya のフォルダー構成では使えません）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Validation fraction</source>
            <translation>検証用の割合</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Split seed</source>
            <translation>分割シード</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Allow a folder inside the library (its copies get indexed)</source>
            <translation>ライブラリ内のフォルダーも許可（コピーもインデックスされます）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Output</source>
            <translation>出力</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Size</source>
            <translation>サイズ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Longest side</source>
            <translation>長辺</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Buckets hold about this many pixels squared</source>
            <translation>各バケットの面積はおよそこの値の二乗（ピクセル）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Bucket resolution</source>
            <translation>バケット解像度</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Bucket step</source>
            <translation>バケットの刻み幅</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Fit</source>
            <translation>合わせ方</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Enlarge small images to their bucket</source>
            <translation>小さい画像をバケットのサイズまで拡大</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Format</source>
            <translation>形式</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>JPEG and WebP quality; WebP 100 is lossless</source>
            <translation>JPEG と WebP の品質。WebP は 100 でロスレス</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Quality</source>
            <translation>品質</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep metadata (prompts, EXIF, text chunks)</source>
            <translation>メタデータを残す（プロンプト、EXIF、テキストチャンク）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Flatten transparency</source>
            <translation>透明部分を背景色で塗りつぶす</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Flatten and pad colour: #rrggbb, white or black</source>
            <translation>透明部分と余白の色：#rrggbb、white または black</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Background</source>
            <translation>背景色</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>no minimum</source>
            <translation>下限なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Skip if shorter side under</source>
            <translation>短辺がこれ未満ならスキップ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Images</source>
            <translation>画像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Captions from</source>
            <translation>キャプションの取得元</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>first in every caption</source>
            <translation>すべてのキャプションの先頭に入ります</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Trigger word</source>
            <translation>トリガーワード</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>General tags from</source>
            <translation>一般タグのしきい値</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Character tags from</source>
            <translation>キャラクタータグのしきい値</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Series tags from</source>
            <translation>作品タグのしきい値</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Artist tags from</source>
            <translation>絵師タグのしきい値</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Meta and any other category a tagger has</source>
            <translation>メタタグと、タガーが持つその他のカテゴリ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Other tags from</source>
            <translation>その他のタグのしきい値</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Characters first</source>
            <translation>キャラクタータグを先頭に</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Series first</source>
            <translation>作品タグを先頭に</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Underscores to spaces</source>
            <translation>アンダースコアをスペースに</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Escape parentheses</source>
            <translation>括弧をエスケープ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Content rating tag first</source>
            <translation>レーティングタグを先頭に</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>tags or globs, comma-separated: watermark, *_text</source>
            <translation>タグまたはワイルドカード、カンマ区切り：watermark, *_text</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Never write</source>
            <translation>書き込まないタグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>old=new, comma-separated (new empty: drop)</source>
            <translation>旧=新、カンマ区切り（新を空にするとそのタグを削除）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Replace</source>
            <translation>置換</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>no limit</source>
            <translation>無制限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>At most tags</source>
            <translation>タグ数の上限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Captions</source>
            <translation>キャプション</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Leave out near-duplicates (keeping each group's keeper)</source>
            <translation>ほぼ重複する画像を除外（各グループで残す画像だけを使う）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Ratings</source>
            <translation>レーティング</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>any</source>
            <translation>指定なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>At least stars</source>
            <translation>星の数の下限</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Only what my taste model likes, from</source>
            <translation>好みモデルのスコアがこれ以上のものだけ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Export the training set into</source>
            <translation>学習用データセットの書き出し先</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>choose at least one content rating</source>
            <translation>レーティングを 1 つ以上選んでください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>Training set of {what} to {dest}</source>
            <translation>{what}の学習用データセットを {dest} へ書き出し</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>Training set: %Ln image(s) in {dir}</source>
            <translation>
                <numerusform>学習用データセット：{dir} に %Ln 枚の画像</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} written</source>
            <translation>{n} 枚を書き込み</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} unchanged</source>
            <translation>{n} 枚は変更なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} removed</source>
            <translation>{n} 枚を削除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>{n} failed (see the manifest)</source>
            <translation>{n} 枚は失敗（マニフェストを参照）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/job.py" />
            <source>cancelled: export again to finish</source>
            <translation>キャンセルしました：もう一度書き出すと完了できます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>kohya-ss (repeats_concept folders, .txt captions)</source>
            <translation>kohya-ss（repeats_concept フォルダー、.txt キャプション）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>OneTrainer (concept folders, concepts.json)</source>
            <translation>OneTrainer（コンセプトフォルダー、concepts.json）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Hugging Face image folder (metadata.jsonl)</source>
            <translation>Hugging Face 画像フォルダー（metadata.jsonl）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep the original size</source>
            <translation>元のサイズのまま</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Shrink to a longest side</source>
            <translation>長辺を指定して縮小</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Aspect-ratio buckets</source>
            <translation>アスペクト比バケット</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Crop to the bucket (centre)</source>
            <translation>バケットに合わせて切り抜き（中央）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Pad to the bucket</source>
            <translation>余白を足してバケットに合わせる</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Keep (PNG, JPEG and WebP stay; others become PNG)</source>
            <translation>元の形式のまま（PNG・JPEG・WebP は維持、その他は PNG に）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The generation prompt</source>
            <translation>生成プロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>The prompt, else tags</source>
            <translation>プロンプト、なければタグ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>general</source>
            <translation>全年齢</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>sensitive</source>
            <translation>センシティブ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>questionable</source>
            <translation>クエスチョナブル</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/dataset/form.py" />
            <source>explicit</source>
            <translation>エクスプリシット</translation>
        </message>
    </context>
    <context>
        <name>file_errors</name>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file is empty (0 bytes)</source>
            <translation>ファイルが空です（0 バイト）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file is truncated: {detail}</source>
            <translation>ファイルが途中で切れています：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the image data is corrupt: {detail}</source>
            <translation>画像データが壊れています：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>looks like {format} but the header is damaged</source>
            <translation>{format} のようですが、ヘッダーが壊れています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>header declares an empty size {size}</source>
            <translation>ヘッダーのサイズが空です：{size}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{format} images are not supported</source>
            <translation>{format} 画像には対応していません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{format} files are not supported</source>
            <translation>{format} ファイルには対応していません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not an image format acgdesk can read</source>
            <translation>acgdesk が読める画像形式ではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>this image variant is not supported: {detail}</source>
            <translation>この種類の画像には対応していません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>ran out of memory while decoding</source>
            <translation>デコード中にメモリが足りなくなりました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>image is too large to decode safely: {detail}</source>
            <translation>画像が大きすぎて安全にデコードできません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{size} = {pixels} pixels exceeds the decoding limit of {limit} pixels (raise it with --max-pixels if this image is real)</source>
            <translation>{size} = {pixels} ピクセルで、デコード上限の {limit} ピクセルを超えています（本物の画像なら --max-pixels で上限を上げてください）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>{size} is {pixels} pixels; upscaling is limited to {limit} input pixels</source>
            <translation>{size} は {pixels} ピクセルです。拡大できる入力は {limit} ピクセルまでです</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>animated {format} ({frames} frames) is not upscaled: only still images are; export the frame you want as a still image first</source>
            <translation>アニメーション {format}（{frames} フレーム）は拡大しません。拡大できるのは静止画だけです。先に必要なフレームを静止画として書き出してください</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file changed while it was being read (still being written?)</source>
            <translation>読み込み中にファイルが変わりました（まだ書き込み中？）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>the file disappeared before it could be read</source>
            <translation>読み込む前にファイルがなくなりました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>permission denied: acgdesk may not read this file</source>
            <translation>アクセスが拒否されました：acgdesk にはこのファイルを読む権限がありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>this is a directory, not a file</source>
            <translation>これはフォルダーで、ファイルではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>symbolic link loop</source>
            <translation>シンボリックリンクがループしています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>read error: {detail}</source>
            <translation>読み込みエラー：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>file not found: {path}</source>
            <translation>ファイルが見つかりません：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>permission denied: {path}</source>
            <translation>アクセスが拒否されました：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not a file: {path}</source>
            <translation>ファイルではありません：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>not an image Pillow can read: {path}</source>
            <translation>Pillow で読める画像ではありません：{path}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>cannot decode {name}: {detail}</source>
            <translation>{name} をデコードできません：{detail}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is empty</source>
            <translation>ファイルが空です</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is truncated</source>
            <translation>ファイルが途中で切れています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The image data is damaged</source>
            <translation>画像データが壊れています</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>This format is not supported</source>
            <translation>この形式には対応していません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The image is too large</source>
            <translation>画像が大きすぎます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>No permission to read the file</source>
            <translation>ファイルを読む権限がありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file is gone</source>
            <translation>ファイルがなくなりました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>The file changed while it was read</source>
            <translation>読み込み中にファイルが変わりました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>A symbolic link loop</source>
            <translation>シンボリックリンクのループ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>Not a file</source>
            <translation>ファイルではありません</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>A read error</source>
            <translation>読み込みエラー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/file_errors.py" />
            <source>An internal error</source>
            <translation>内部エラー</translation>
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
            <translation>採用</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>%n star(s)</source>
            <translation>
                <numerusform>星 %n 個</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>favourite</source>
            <translation>お気に入り</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>not favourite</source>
            <translation>お気に入り解除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>reject</source>
            <translation>不採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>no flag</source>
            <translation>フラグなし</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>tags {changes}: %n file(s)</source>
            <translation>
                <numerusform>タグ {changes}：%n 個のファイル</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new manual album '{name}'</source>
            <translation>新規アルバム「{name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new smart album '{name}'</source>
            <translation>新規スマートアルバム「{name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>new group '{name}'</source>
            <translation>新規グループ「{name}」</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>album '{name}' changed</source>
            <translation>アルバム「{name}」を変更</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>album '{name}' changed to '{new_name}'</source>
            <translation>アルバム「{name}」を「{new_name}」に変更</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>deleted album '{name}'</source>
            <translation>アルバム「{name}」を削除</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>added %n file(s) to '{name}'</source>
            <translation>
                <numerusform>%n 個のファイルを「{name}」に追加</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>removed %n file(s) from '{name}'</source>
            <translation>
                <numerusform>「{name}」から %n 個のファイルを削除</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>reordered '{name}'</source>
            <translation>「{name}」の並び順を変更</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to {dest}</source>
            <translation>
                <numerusform>%n 個のファイルを {dest} へ移動</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>copied %n file(s) to {dest}</source>
            <translation>
                <numerusform>%n 個のファイルを {dest} へコピー</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>moved %n file(s) to the trash</source>
            <translation>
                <numerusform>%n 個のファイルをゴミ箱へ移動</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what}: %n file(s)</source>
            <translation>
                <numerusform>{what}：%n 個のファイル</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what} (%n failed: {error})</source>
            <translation>
                <numerusform>{what}（%n 件失敗：{error}）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/history_labels.py" />
            <source>{what} (cancelled)</source>
            <translation>{what}（キャンセル）</translation>
        </message>
    </context>
    <context>
        <name>jobs</name>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Indexing %n folder(s)</source>
            <translation>
                <numerusform>%n 個のフォルダーのインデックスを作成中</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Updating library</source>
            <translation>ライブラリを更新中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>Installing {name}</source>
            <translation>{name} をインストール中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>ETA {t}</source>
            <translation>残り {t}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Files in: {where}</source>
            <translation>ファイルの場所：{where}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Installing {name}: see the jobs panel</source>
            <translation>{name} をインストール中：ジョブパネルを参照</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Importing {name}</source>
            <translation>{name} をインポート中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>HF_ENDPOINT is set ({url}) and wins</source>
            <translation>HF_ENDPOINT が設定されており（{url}）、そちらが優先されます</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Hub endpoint: {url}</source>
            <translation>Hub エンドポイント：{url}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>Now used in place: {ids}</source>
            <translation>その場で使用中：{ids}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/models_dialog.py" />
            <source>No new model found on disk ({n} copies seen)</source>
            <translation>ディスク上に新しいモデルは見つかりませんでした（コピー {n} 個を確認）</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale</source>
            <translation>アップスケール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>Upscale {name} {scale}x</source>
            <translation>{name} を {scale}x にアップスケール</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>starting</source>
            <translation>開始中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/upscale.py" />
            <source>upscale failed</source>
            <translation>アップスケールに失敗しました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/watching.py" />
            <source>Watching folders</source>
            <translation>フォルダーを監視中</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/watching.py" />
            <source>Watching %n folder(s)</source>
            <translation>
                <numerusform>%n 個のフォルダーを監視中</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>done</source>
            <translation>完了</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/jobs.py" />
            <source>cancelled</source>
            <translation>キャンセル済み</translation>
        </message>
    </context>
    <context>
        <name>marks</name>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Favourite</source>
            <translation>お気に入り</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Not a favourite</source>
            <translation>お気に入り解除</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Pick</source>
            <translation>採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Reject</source>
            <translation>不採用</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>No flag</source>
            <translation>フラグなし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>No stars</source>
            <translation>星なし</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/marks_keys.py" />
            <source>Could not mark: {e}</source>
            <translation>マークできませんでした：{e}</translation>
        </message>
    </context>
    <context>
        <name>prompts</name>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copied the parameters</source>
            <translation>パラメータをコピーしました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copied</source>
            <translation>コピーしました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} selected images</source>
            <translation>選択中の画像 {n} 枚</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} results</source>
            <translation>{n} 件の結果</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} images</source>
            <translation>{n} 枚の画像</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export the prompts of {scope}</source>
            <translation>{scope}のプロンプトを書き出す</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Text, one block per image (*.txt);;JSON lines (*.jsonl)</source>
            <translation>テキスト、画像ごとに 1 ブロック (*.txt);;JSON Lines (*.jsonl)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Exporting {n} prompts</source>
            <translation>{n} 件のプロンプトを書き出し中</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export failed: {e}</source>
            <translation>書き出しに失敗しました：{e}</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>{n} prompts written to {path}</source>
            <translation>{n} 件のプロンプトを {path} に書き出しました</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Prompt</source>
            <translation>プロンプト</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy prompt</source>
            <translation>プロンプトをコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy negative prompt</source>
            <translation>ネガティブプロンプトをコピー</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Copy parameters (A1111)</source>
            <translation>パラメータをコピー (A1111)</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this prompt</source>
            <translation>このプロンプトの画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this seed</source>
            <translation>このシードの画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Search images with this model</source>
            <translation>このモデルの画像を検索</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Prompt statistics…</source>
            <translation>プロンプトの統計…</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/prompts/controller.py" />
            <source>Export prompts…</source>
            <translation>プロンプトを書き出す…</translation>
        </message>
    </context>
    <context>
        <name>similar</name>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source>image data</source>
            <translation>画像データ</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source>similar to {what}</source>
            <translation>{what} に類似</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/similar.py" />
            <source> among {n} matching files</source>
            <translation>（一致する {n} 個のファイルから）</translation>
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
            <translation>コピー</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>{verb} %Ln file(s) to {dest}?</source>
            <translation>
                <numerusform>%Ln 個のファイルを {dest} へ{verb}しますか？</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>{n} of them conflict with a file already there (in red): nothing is ever overwritten.</source>
            <translation>そのうち {n} 個は既存のファイルと衝突します（赤色）。上書きは一切しません。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Nothing is overwritten; Ctrl+Z undoes it.</source>
            <translation>上書きはしません。Ctrl+Z で元に戻せます。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>That folder is outside the library: the moved files leave it (what is known about them is kept for a while, should they come back).</source>
            <translation>そのフォルダーはライブラリの外にあります。移動したファイルはライブラリから外れます（戻ってくる場合に備えて、情報はしばらく保持されます）。</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move files</source>
            <translation>ファイルを移動</translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Copy files</source>
            <translation>ファイルをコピー</translation>
        </message>
        <message numerus="yes">
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move %Ln file(s) to the trash?
They can be restored from the trash, or with Ctrl+Z.</source>
            <translation>
                <numerusform>%Ln 個のファイルをゴミ箱へ移動しますか？
ゴミ箱から、または Ctrl+Z で元に戻せます。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../acgdesk/gui/curate/transfer_dialog.py" />
            <source>Move to trash</source>
            <translation>ゴミ箱へ移動</translation>
        </message>
    </context>
</TS>
