// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTextCursor>

class QAction;
class QImage;
class QMimeData;

namespace tg {

class ImageUploadQueue;
class SourceEditor;

/// Turns image files dropped on the source editor (or an image pasted into it) into uploads:
/// an event filter on the editor and its viewport, so the editor itself is unchanged. Each
/// image gets an inline placeholder at the drop position showing its progress, e.g.
/// `![Uploading photo.png… 40%](local:/abs/photo.png)`, which becomes the figure in the
/// editor's syntax once uploaded (Markdown `![](URL)` alone in a paragraph, HTML
/// `<figure><img src="URL"/><figcaption></figcaption></figure>`). A failed upload keeps the
/// `local:` reference with the error until retried.
class ImageDropHandler : public QObject
{
    Q_OBJECT
public:
    /// Installs itself on `editor` and its viewport; uploads through `queue` (not owned).
    ImageDropHandler(SourceEditor *editor, ImageUploadQueue *queue, QObject *parent = nullptr);
    ~ImageDropHandler() override;

    /// True while `source` still references a local image (placeholder or failed upload);
    /// publishing must be refused then.
    static bool hasLocalImages(const QString &source);

    /// Inserts placeholders for `paths` at `cursor` (in this order) and uploads them. Files
    /// refused before sending get no placeholder; rejected() tells why. Returns the ids queued.
    QList<int> insertFiles(const QStringList &paths, QTextCursor cursor);
    /// Same for a clipboard image, saved as PNG first.
    int insertImage(const QImage &image, QTextCursor cursor);
    /// Retries every failed upload; returns how many were restarted.
    int retryFailed();
    /// Inserts a figure for an image hosted elsewhere (http or https) at `cursor`; false when
    /// the URL is not one.
    bool insertImageUrl(const QUrl &url, QTextCursor cursor);
    /// Asks for an image URL in a small dialog and inserts it at the editor's cursor.
    void promptImageUrl();

    /// "Retry image uploads" and "Insert image by URL…", for the owner's menus.
    QAction *retryAction() const { return m_retryAction; }
    QAction *insertUrlAction() const { return m_insertUrlAction; }

Q_SIGNALS:
    /// A dropped or pasted item was refused before anything was sent.
    void rejected(const QString &message);
    /// An upload failed; its placeholder now shows the error and keeps the local reference.
    void uploadFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Takes image files or a clipboard image from pasted data; false for anything else.
    bool insertFromMime(const QMimeData *mime);
    struct Placeholder
    {
        QTextCursor cursor; ///< selects the placeholder text
        QString text;       ///< what it should currently read
        QString path;
    };

    static QStringList localImageFiles(const QMimeData *mime);
    bool isMarkdown() const;
    QString placeholderText(const QString &path, const QString &label) const;
    QString figureText(const QUrl &url) const;
    void insertBlocks(QTextCursor cursor, const QStringList &blocks, QList<int> ids,
                      const QStringList &paths);
    void rewrite(int id, const QString &text);
    void onProgress(int id, int percent);
    void onDone(int id, const QUrl &url);
    void onFailed(int id, const QString &message);

    QPointer<SourceEditor> m_editor;
    ImageUploadQueue *m_queue = nullptr;
    QHash<int, Placeholder> m_placeholders;
    /// Undo steps right after this handler's last edit; equal now means nobody edited since.
    int m_undoStepsAfterOwnEdit = -1;
    QAction *m_retryAction = nullptr;
    QAction *m_insertUrlAction = nullptr;
};

} // namespace tg
