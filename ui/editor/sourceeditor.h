// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QPlainTextEdit>

#include <functional>

namespace tg {

class SourceHighlighter;

/// The plain-text source editor (fast and accessible) with Markdown/HTML highlighting and the
/// text operations behind the formatting actions.
class SourceEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    /// Offered every paste and drop first (keyboard, context menu, Edit menu); returns true when
    /// it took the data (e.g. images to upload). Not owned; clear it with an empty function.
    using MimeHandler = std::function<bool(const QMimeData *)>;
    void setMimeHandler(MimeHandler handler) { m_mimeHandler = std::move(handler); }
    /// Builds the context menu for a place in the text (the word under the mouse, or the
    /// cursor's for the menu key) at a viewport position; the editor shows and deletes it.
    /// Without one the standard menu is shown.
    using ContextMenuProvider = std::function<QMenu *(const QTextCursor &at, const QPoint &pos)>;
    void setContextMenuProvider(ContextMenuProvider provider)
    {
        m_menuProvider = std::move(provider);
    }

    /// Each paragraph's writing direction, from its first strong character (as in the preview).
    static Qt::LayoutDirection paragraphDirection(const QString &text);

    explicit SourceEditor(QWidget *parent = nullptr);

    void setFormat(DraftFormat format);
    DraftFormat format() const { return m_format; }

    /// Formatting commands; each is written in the syntax of the current format.
    enum class Markup
    {
        Bold,
        Italic,
        Link,
        Heading,
        Subheading,
        Quote,
        List,
        Code,
        CodeBlock
    };
    void applyMarkup(Markup markup);

    /// Puts the cursor at a 1-based line and column and shows it.
    void goTo(int line, int column);
    /// Share of the document above the first visible line (0..1), for scrolling the preview.
    double scrollFraction() const;

    /// Finds the next (or previous) occurrence; wraps around. False when absent.
    bool find(const QString &text, bool backward = false, bool caseSensitive = false);
    /// Replaces every occurrence in one undo step; returns the count.
    int replaceAll(const QString &text, const QString &with, bool caseSensitive = false);

    void zoom(int steps);

    /// Caps the text column at about `columns` average characters of the editor's font (it
    /// follows zooming), centred in the editor (0: the full width), as in focus mode; the
    /// margins beside it take the editor's background.
    void setMaxTextColumns(int columns);
    int maxTextColumns() const { return m_maxTextColumns; }
    /// The widest the text column may be, in pixels (0: no cap).
    int maxTextWidth() const;
    /// The Markdown/HTML colouring (and the spelling underlines).
    SourceHighlighter *highlighter() const { return m_highlighter; }

Q_SIGNALS:
    /// Rich HTML was pasted; the owner decides how to turn it into source.
    void richHtmlPasted(const QString &html);
    /// Plain text was pasted (or dropped) and is now in the editor.
    void plainTextPasted(const QString &text);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    MimeHandler m_mimeHandler;
    ContextMenuProvider m_menuProvider;
    void useParagraphDirections();
    void alignVisibleParagraphs();
    void updateTextMargins();

    void wrapSelection(const QString &before, const QString &after, const QString &placeholder);
    /// A link around the selection (its address selected, to be typed over) or, without a
    /// selection, a link whose text placeholder is selected.
    void insertLink(const QString &beforeText, const QString &between, const QString &after);
    void prefixLines(const QString &prefix);

    SourceHighlighter *m_highlighter = nullptr;
    DraftFormat m_format = DraftFormat::Markdown;
    int m_maxTextColumns = 0;
};

} // namespace tg
