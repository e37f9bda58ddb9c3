// SPDX-License-Identifier: MIT
#include "editor/editorpane.h"

#include "editor/sourceeditor.h"
#include "workflow/htmlsourceconverter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTextCursor>
#include <QVBoxLayout>

namespace tg {

EditorPane::EditorPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLineEdit(this))
    , m_author(new QLineEdit(this))
    , m_authorUrl(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_editor(new SourceEditor(this))
{
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("Title"));
    m_title->setAccessibleName(tr("Title"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_author->setObjectName(QStringLiteral("authorEdit"));
    m_author->setPlaceholderText(tr("Author name"));
    m_author->setAccessibleName(tr("Author name"));
    m_authorUrl->setObjectName(QStringLiteral("authorUrlEdit"));
    m_authorUrl->setPlaceholderText(tr("Author link (https://…)"));
    m_authorUrl->setAccessibleName(tr("Author link"));
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("Markdown"), int(DraftFormat::Markdown));
    m_format->addItem(tr("HTML"), int(DraftFormat::Html));
    m_format->setAccessibleName(tr("Source format"));

    auto *authorRow = new QHBoxLayout;
    authorRow->addWidget(m_author, 2);
    authorRow->addWidget(m_authorUrl, 3);
    authorRow->addWidget(m_format, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addLayout(authorRow);
    layout->addWidget(m_editor, 1);

    auto changed = [this] {
        if (!m_loading)
            Q_EMIT edited();
    };
    connect(m_title, &QLineEdit::textEdited, this, changed);
    connect(m_author, &QLineEdit::textEdited, this, changed);
    connect(m_authorUrl, &QLineEdit::textEdited, this, changed);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, changed] {
        m_editor->setFormat(format());
        changed();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, changed);
    connect(m_editor, &SourceEditor::richHtmlPasted, this, &EditorPane::pasteHtml);
    connect(m_editor, &SourceEditor::plainTextPasted, this, [this](const QString &text) {
        if (format() == DraftFormat::Html && looksLikeMarkdown(text))
            Q_EMIT markdownPastedIntoHtml();
    });
    setFocusProxy(m_editor);
}

void EditorPane::loadDraft(const Draft &d)
{
    m_loading = true;
    ++m_generation;
    m_title->setText(d.title);
    m_author->setText(d.authorName);
    m_authorUrl->setText(d.authorUrl);
    m_format->setCurrentIndex(d.format == DraftFormat::Html ? 1 : 0);
    m_editor->setFormat(d.format);
    m_editor->setPlainText(d.body);
    m_loading = false;
}

void EditorPane::replaceContent(const QString &title, DraftFormat format, const QString &body)
{
    m_title->setText(title);
    setFormat(format);
    QTextCursor c(m_editor->document());
    c.beginEditBlock();
    c.select(QTextCursor::Document);
    c.insertText(body);
    c.endEditBlock();
}

void EditorPane::fillDraft(Draft &d) const
{
    d.title = title();
    d.authorName = authorName();
    d.authorUrl = authorUrl();
    d.body = body();
    d.format = format();
}

QString EditorPane::title() const
{
    return m_title->text();
}

QString EditorPane::authorName() const
{
    return m_author->text();
}

QString EditorPane::authorUrl() const
{
    return m_authorUrl->text();
}

QString EditorPane::body() const
{
    return m_editor->toPlainText();
}

DraftFormat EditorPane::format() const
{
    return m_format->currentData().toInt() == int(DraftFormat::Html) ? DraftFormat::Html
                                                                     : DraftFormat::Markdown;
}

void EditorPane::setFormat(DraftFormat format)
{
    m_format->setCurrentIndex(format == DraftFormat::Html ? 1 : 0);
}

bool EditorPane::looksLikeMarkdown(const QString &pasted)
{
    // A guess needs only a sample: a huge paste is not scanned whole on the GUI thread. The
    // patterns stay linear (a link's text cannot hold '[', so "[[[[…" is not scanned again from
    // every bracket).
    const QStringView text = QStringView(pasted).left(MarkdownSniffChars);
    static const QRegularExpression tag(QStringLiteral("</?[a-zA-Z][a-zA-Z0-9]*[\\s>/]"));
    if (tag.match(text).hasMatch())
        return false;
    static const QRegularExpression block(
        QStringLiteral("^(#{1,6} \\S|[-*+] \\S|\\d+\\. \\S|> |```)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression inlineMark(QStringLiteral(
        "\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__|\\[[^\\[\\]\\n]+\\]\\([^)\\s]*\\)|`[^`\\n]+`"));
    return block.match(text).hasMatch() || inlineMark.match(text).hasMatch();
}

void EditorPane::setDetailsVisible(bool visible)
{
    for (QWidget *w : {static_cast<QWidget *>(m_author), static_cast<QWidget *>(m_authorUrl),
                       static_cast<QWidget *>(m_format)})
        w->setVisible(visible);
}

void EditorPane::pasteHtml(const QString &html)
{
    if (html.size() <= HtmlSourceConverter::syncLimit()) {
        const HtmlSource converted = HtmlSourceConverter::convert(html, format());
        m_editor->textCursor().insertText(converted.source);
        Q_EMIT pasteCleaned(converted.warnings.join(QLatin1Char('\n')));
        return;
    }
    // Converted off the GUI thread. The text goes where the cursor was: a QTextCursor follows the
    // edits made meanwhile, so nothing typed in the meantime is lost or overwritten.
    const QTextCursor at = m_editor->textCursor();
    const quint64 generation = m_generation;
    if (m_pendingPastes++ == 0)
        Q_EMIT pasteConverting(true);
    HtmlSourceConverter::convertAsync(
        html, format(), this, [this, at, generation](const HtmlSource &converted) {
            if (--m_pendingPastes == 0)
                Q_EMIT pasteConverting(false);
            if (generation != m_generation)
                return; // another draft was opened meanwhile; this paste belonged to the old one
            QTextCursor cursor = at;
            cursor.beginEditBlock();
            cursor.insertText(converted.source);
            cursor.endEditBlock();
            Q_EMIT pasteCleaned(converted.warnings.join(QLatin1Char('\n')));
        });
}

} // namespace tg
