// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace tg {

class SourceEditor;

/// The writing area: title, author name and URL, the source format and the source editor (its
/// counts are in the window's status bar, see WritingStatus). Knows nothing about saving or
/// publishing; it reports edits.
class EditorPane : public QWidget
{
    Q_OBJECT
public:
    explicit EditorPane(QWidget *parent = nullptr);

    /// Shows a draft's text and fields (without emitting edited()).
    void loadDraft(const Draft &draft);
    /// Writes the pane's fields into the draft (id and page stay as they are).
    void fillDraft(Draft &draft) const;
    /// Replaces title, format and text (a revision coming back) as one edit the writer can undo.
    void replaceContent(const QString &title, DraftFormat format, const QString &body);

    QString title() const;
    QString authorName() const;
    QString authorUrl() const;
    QString body() const;
    DraftFormat format() const;
    void setFormat(DraftFormat format);

    SourceEditor *editor() const { return m_editor; }
    QLineEdit *titleEdit() const { return m_title; }

    /// True when plain text reads as Markdown (headings, lists, emphasis, links, code) and has no
    /// HTML tags: pasted into an HTML draft it would show its marks verbatim. Only the first
    /// MarkdownSniffChars characters are looked at.
    static bool looksLikeMarkdown(const QString &text);
    static constexpr qsizetype MarkdownSniffChars = 16 * 1024;

    /// Shows or hides the author fields and the format choice (focus mode leaves the title and
    /// the text).
    void setDetailsVisible(bool visible);

Q_SIGNALS:
    /// The writer changed the text, a field or the format.
    void edited();
    /// The pasted rich HTML was cleaned; the message says what the import changed (may be empty).
    void pasteCleaned(const QString &message);
    /// A large paste is being converted off the GUI thread (true), or the last one ended (false).
    void pasteConverting(bool busy);
    /// Text that looks like Markdown was pasted into an HTML draft (it stays as pasted).
    void markdownPastedIntoHtml();

private:
    void pasteHtml(const QString &html);

    QLineEdit *m_title = nullptr;
    QLineEdit *m_author = nullptr;
    QLineEdit *m_authorUrl = nullptr;
    QComboBox *m_format = nullptr;
    SourceEditor *m_editor = nullptr;
    bool m_loading = false;
    quint64 m_generation = 0; ///< increases when a draft is loaded; older pastes are dropped
    int m_pendingPastes = 0;
};

} // namespace tg
