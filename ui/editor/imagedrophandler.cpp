// SPDX-License-Identifier: MIT
#include "editor/imagedrophandler.h"

#include "editor/imageuploadqueue.h"
#include "editor/sourceeditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFileInfo>
#include <QImage>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

namespace tg {

namespace {
/// The `local:` reference of a file, percent-encoded so Markdown and HTML both keep it whole.
QString localRef(const QString &path)
{
    return QStringLiteral("local:") + QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
}

QString cleanLabel(QString label)
{
    label.replace(QLatin1Char('\n'), QLatin1Char(' '));
    label.remove(QLatin1Char('['));
    label.remove(QLatin1Char(']'));
    return label;
}
} // namespace

ImageDropHandler::ImageDropHandler(SourceEditor *editor, ImageUploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_queue(queue)
{
    editor->installEventFilter(this);
    editor->viewport()->installEventFilter(this);
    connect(queue, &ImageUploadQueue::progress, this, &ImageDropHandler::onProgress);
    connect(queue, &ImageUploadQueue::done, this, &ImageDropHandler::onDone);
    connect(queue, &ImageUploadQueue::failed, this, &ImageDropHandler::onFailed);
    m_retryAction = new QAction(tr("Retry Image Uploads"), this);
    connect(m_retryAction, &QAction::triggered, this, [this] { retryFailed(); });
    m_insertUrlAction = new QAction(tr("Insert Image by URL…"), this);
    connect(m_insertUrlAction, &QAction::triggered, this, &ImageDropHandler::promptImageUrl);
    // Pastes from the context menu, the Edit menu or the keyboard all reach the editor here.
    editor->setMimeHandler([this](const QMimeData *mime) { return insertFromMime(mime); });
}

bool ImageDropHandler::insertFromMime(const QMimeData *mime)
{
    if (!m_editor || !mime)
        return false;
    const QStringList files = localImageFiles(mime);
    if (!files.isEmpty()) {
        insertFiles(files, m_editor->textCursor());
        return true;
    }
    if (mime->hasImage() && !mime->hasText()) {
        insertImage(qvariant_cast<QImage>(mime->imageData()), m_editor->textCursor());
        return true;
    }
    return false;
}

ImageDropHandler::~ImageDropHandler()
{
    if (m_editor) {
        m_editor->removeEventFilter(this);
        m_editor->viewport()->removeEventFilter(this);
        m_editor->setMimeHandler({});
    }
}

bool ImageDropHandler::hasLocalImages(const QString &source)
{
    static const QRegularExpression re(QStringLiteral(R"((\]\(\s*<?local:|src\s*=\s*["']?local:))"),
                                       QRegularExpression::CaseInsensitiveOption);
    return source.contains(re);
}

bool ImageDropHandler::isMarkdown() const
{
    return !m_editor || m_editor->format() == DraftFormat::Markdown;
}

QString ImageDropHandler::placeholderText(const QString &path, const QString &label) const
{
    if (isMarkdown())
        return QStringLiteral("![") + cleanLabel(label) + QStringLiteral("](") + localRef(path) +
               QLatin1Char(')');
    return QStringLiteral("<img src=\"") + localRef(path) + QStringLiteral("\" alt=\"") +
           cleanLabel(label).toHtmlEscaped() + QStringLiteral("\"/>");
}

QStringList ImageDropHandler::localImageFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    return files;
}

QList<int> ImageDropHandler::insertFiles(const QStringList &paths, QTextCursor cursor)
{
    QList<int> ids;
    QStringList texts;
    QStringList kept;
    for (const QString &path : paths) {
        QString error;
        const int id = m_queue->addFile(path, &error);
        if (id < 0) {
            Q_EMIT rejected(error);
            continue;
        }
        const QString abs = m_queue->filePath(id);
        ids << id;
        kept << abs;
        texts << placeholderText(abs,
                                 tr("Uploading %1… %2%").arg(QFileInfo(abs).fileName()).arg(0));
    }
    if (!ids.isEmpty())
        insertBlocks(cursor, texts, ids, kept);
    return ids;
}

int ImageDropHandler::insertImage(const QImage &image, QTextCursor cursor)
{
    QString error;
    const int id = m_queue->addImage(image, &error);
    if (id < 0) {
        Q_EMIT rejected(error);
        return -1;
    }
    const QString path = m_queue->filePath(id);
    insertBlocks(cursor, {placeholderText(path, tr("Uploading pasted image… %1%").arg(0))}, {id},
                 {path});
    return id;
}

void ImageDropHandler::insertBlocks(QTextCursor cursor, const QStringList &blocks, QList<int> ids,
                                    const QStringList &paths)
{
    if (!m_editor)
        return;
    const QString gap = isMarkdown() ? QStringLiteral("\n\n") : QStringLiteral("\n");
    cursor.clearSelection();
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::EndOfBlock);
    if (!cursor.block().text().trimmed().isEmpty())
        cursor.insertText(gap);
    for (int i = 0; i < blocks.size(); ++i) {
        if (i > 0)
            cursor.insertText(gap);
        const int start = cursor.position();
        cursor.insertText(blocks[i]);
        QTextCursor c(m_editor->document());
        c.setPosition(start);
        c.setPosition(cursor.position(), QTextCursor::KeepAnchor);
        m_placeholders.insert(ids[i], Placeholder{c, blocks[i], paths[i]});
    }
    const QTextBlock next = cursor.block().next();
    if (next.isValid() && !next.text().trimmed().isEmpty())
        cursor.insertText(isMarkdown() ? QStringLiteral("\n") : QString());
    cursor.endEditBlock();
    m_undoStepsAfterOwnEdit = m_editor->document()->availableUndoSteps();
    m_editor->setTextCursor(cursor);
}

void ImageDropHandler::rewrite(int id, const QString &text)
{
    auto it = m_placeholders.find(id);
    if (it == m_placeholders.end() || !m_editor)
        return;
    QTextCursor c = it->cursor;
    if (c.selectedText() != it->text) {
        // Edited around the placeholder: find its current text instead.
        c = m_editor->document()->find(it->text, 0, QTextDocument::FindCaseSensitively);
        if (c.isNull()) {
            m_placeholders.erase(it);
            return;
        }
    }
    const int start = c.selectionStart();
    // Progress and the final figure belong to the insertion's undo step while nothing else was
    // edited since: one undo takes the whole image out, not each percent.
    QTextDocument *doc = m_editor->document();
    if (doc->availableUndoSteps() == m_undoStepsAfterOwnEdit)
        c.joinPreviousEditBlock();
    else
        c.beginEditBlock();
    c.insertText(text);
    c.endEditBlock();
    m_undoStepsAfterOwnEdit = doc->availableUndoSteps();
    QTextCursor updated(m_editor->document());
    updated.setPosition(start);
    updated.setPosition(start + int(text.size()), QTextCursor::KeepAnchor);
    it->cursor = updated;
    it->text = text;
}

void ImageDropHandler::onProgress(int id, int percent)
{
    const auto it = m_placeholders.constFind(id);
    if (it == m_placeholders.cend())
        return;
    const QString name = QFileInfo(it->path).fileName();
    rewrite(id, placeholderText(it->path, tr("Uploading %1… %2%").arg(name).arg(percent)));
}

QString ImageDropHandler::figureText(const QUrl &url) const
{
    const QString src = url.toString(QUrl::FullyEncoded);
    if (isMarkdown())
        return QStringLiteral("![](") + src + QLatin1Char(')');
    return QStringLiteral("<figure><img src=\"") + src.toHtmlEscaped() +
           QStringLiteral("\"/><figcaption></figcaption></figure>");
}

void ImageDropHandler::onDone(int id, const QUrl &url)
{
    rewrite(id, figureText(url));
    m_placeholders.remove(id);
}

bool ImageDropHandler::insertImageUrl(const QUrl &url, QTextCursor cursor)
{
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return false;
    const QString gap = isMarkdown() ? QStringLiteral("\n\n") : QStringLiteral("\n");
    cursor.clearSelection();
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::EndOfBlock);
    if (!cursor.block().text().trimmed().isEmpty())
        cursor.insertText(gap);
    cursor.insertText(figureText(url));
    const QTextBlock next = cursor.block().next();
    if (isMarkdown() && next.isValid() && !next.text().trimmed().isEmpty())
        cursor.insertText(QStringLiteral("\n"));
    cursor.endEditBlock();
    if (m_editor)
        m_editor->setTextCursor(cursor);
    return true;
}

void ImageDropHandler::promptImageUrl()
{
    if (!m_editor)
        return;
    bool ok = false;
    const QString text =
        QInputDialog::getText(m_editor, tr("Insert Image by URL"), tr("Image URL (https://…):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || text.isEmpty())
        return;
    if (!insertImageUrl(QUrl(text), m_editor->textCursor()))
        Q_EMIT rejected(tr("%1 is not an http or https address.").arg(text));
}

void ImageDropHandler::onFailed(int id, const QString &message)
{
    const auto it = m_placeholders.constFind(id);
    if (it == m_placeholders.cend())
        return;
    rewrite(id, placeholderText(it->path, tr("Upload failed: %1").arg(message)));
    Q_EMIT uploadFailed(message);
}

int ImageDropHandler::retryFailed()
{
    int n = 0;
    for (int id : m_queue->failedIds()) {
        const auto it = m_placeholders.constFind(id);
        if (it == m_placeholders.cend())
            continue;
        const QString name = QFileInfo(it->path).fileName();
        rewrite(id, placeholderText(it->path, tr("Uploading %1… %2%").arg(name).arg(0)));
        if (m_queue->retry(id))
            ++n;
    }
    return n;
}

bool ImageDropHandler::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_editor)
        return false;
    // Qt delivers drag and drop to the nearest widget that accepts drops: the viewport or the
    // editor itself, depending on the platform and style.
    if (watched == m_editor->viewport() || watched == m_editor) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *e = static_cast<QDropEvent *>(event);
            if (localImageFiles(e->mimeData()).isEmpty())
                return false;
            e->acceptProposedAction();
            return true;
        }
        case QEvent::Drop: {
            auto *e = static_cast<QDropEvent *>(event);
            const QStringList files = localImageFiles(e->mimeData());
            if (files.isEmpty())
                return false;
            QPoint pos = e->position().toPoint();
            if (watched == m_editor)
                pos = m_editor->viewport()->mapFrom(m_editor, pos);
            insertFiles(files, m_editor->cursorForPosition(pos));
            e->acceptProposedAction();
            return true;
        }
        default:
            break;
        }
    }
    return false;
}

} // namespace tg
