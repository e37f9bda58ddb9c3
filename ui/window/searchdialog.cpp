// SPDX-License-Identifier: MIT
#include "window/searchdialog.h"

#include "drafts/revisionsdialog.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "storage/draftstore.h"
#include "window/mainwindow.h"
#include "window/searchresultdelegate.h"
#include "workflow/draftsession.h"
#include "workflow/publishflow.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace tg {

namespace {

// Long enough to let a word be typed, short enough to feel immediate.
constexpr int DebounceMs = 150;
constexpr int MaxTitle = 200;

QString shortTitle(const QString &title)
{
    const QString t = title.simplified();
    return t.size() > MaxTitle ? t.left(MaxTitle) + QChar(0x2026) : t;
}

} // namespace

SearchDialog::SearchDialog(MainWindow *window, DraftStore *store, QWidget *parent)
    : QDialog(parent)
    , m_window(window)
    , m_store(store)
    , m_service(new SearchService(this))
    , m_box(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_note(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("searchDialog"));
    setWindowTitle(tr("Find Everywhere"));
    resize(640, 520);
    m_box->setObjectName(QStringLiteral("searchBox"));
    m_box->setPlaceholderText(tr("Search drafts, revisions and pages"));
    m_box->setClearButtonEnabled(true);
    m_box->installEventFilter(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setWordWrap(true);
    m_results->setUniformItemSizes(false);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_note->setObjectName(QStringLiteral("searchNote"));
    m_note->setWordWrap(true);
    m_note->setText(tr("Type to search the drafts, their revisions and the pages of every "
                       "account."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_box);
    layout->addWidget(m_note);
    layout->addWidget(m_results, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_box, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SearchDialog::startSearch);
    connect(m_box, &QLineEdit::returnPressed, this,
            [this] { openResult(qMax(0, m_results->currentRow())); });
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openResult(m_results->row(item)); });
    connect(m_service, &SearchService::finished, this, &SearchDialog::showOutcome);
    connect(m_service, &SearchService::located, this, &SearchDialog::selectMatch);
    // A page that is fetched from its server opens later: its match is found then.
    connect(m_window, &MainWindow::pageOpened, this, [this](const PublishResult &r) {
        const QString text = std::exchange(m_pageSearch, QString());
        if (r.ok && !text.isEmpty())
            locateInEditor(text);
    });
}

void SearchDialog::setFiles(const QString &draftsPath, const QString &pageCachePath)
{
    m_service->setFiles(draftsPath, pageCachePath);
}

void SearchDialog::activate()
{
    show();
    raise();
    activateWindow();
    m_box->setFocus(Qt::ShortcutFocusReason);
    m_box->selectAll();
    // The open draft's newest text is written first so it is found (the store writes on its
    // worker; this waits once for what is queued, not on every keystroke in the box).
    m_window->saveNow();
    m_store->flush();
    // What was saved since the last search is found too.
    if (!m_box->text().isEmpty())
        startSearch();
}

void SearchDialog::startSearch()
{
    m_debounce->stop();
    m_searchSerial = m_service->search(m_box->text());
}

QString SearchDialog::kindText(const SearchHit &hit) const
{
    const QString when = hit.when.isValid()
                             ? QLocale().toString(hit.when.toLocalTime(), QLocale::ShortFormat)
                             : QString();
    switch (hit.kind) {
    case SearchHit::Kind::Draft:
        return tr("Draft, edited %1").arg(when);
    case SearchHit::Kind::Revision:
        return tr("Revision, published %1").arg(when);
    case SearchHit::Kind::Page: {
        // Cache keys are "<server>:<account>".
        const int colon = hit.account.indexOf(QLatin1Char(':'));
        const QString name = colon < 0 ? hit.account : hit.account.mid(colon + 1);
        const QString server = colon < 0 ? QString() : hit.account.left(colon);
        return server.isEmpty() ? tr("Page of %1").arg(name)
                                : tr("Page of %1 on %2").arg(name, server);
    }
    }
    return {};
}

void SearchDialog::showOutcome(const SearchOutcome &outcome)
{
    if (outcome.serial != m_searchSerial)
        return; // a newer search is on its way
    m_hits = outcome.hits;
    m_results->clear();
    for (const SearchHit &hit : std::as_const(m_hits)) {
        const QString title =
            hit.title.trimmed().isEmpty() ? tr("(untitled)") : shortTitle(hit.title);
        auto *item = new QListWidgetItem(m_results);
        item->setText(title + QStringLiteral(" — ") + kindText(hit));
        item->setData(
            SearchResultDelegate::HtmlRole,
            QStringLiteral("<b>%1</b> <span style=\"color:gray\">· %2</span><br>%3")
                .arg(title.toHtmlEscaped(), kindText(hit).toHtmlEscaped(), hit.snippetHtml));
        item->setToolTip(hit.kind == SearchHit::Kind::Page ? hit.pageUrl : title);
    }
    if (!m_hits.isEmpty())
        m_results->setCurrentRow(0);
    if (!outcome.available)
        m_note->setText(tr("Search is not available: this system's SQLite has no full-text "
                           "search (FTS5). Drafts are not affected."));
    else if (!outcome.error.isEmpty())
        m_note->setText(tr("The search failed: %1").arg(outcome.error.left(300)));
    else if (outcome.text.trimmed().isEmpty())
        m_note->setText(tr("Type to search the drafts, their revisions and the pages of every "
                           "account."));
    else if (m_hits.isEmpty())
        m_note->setText(tr("No matches for “%1”.").arg(shortTitle(outcome.text)));
    else
        m_note->setText(tr("%n result(s).", nullptr, int(m_hits.size())));
    Q_EMIT resultsShown(int(m_hits.size()));
}

void SearchDialog::openResult(int row)
{
    if (row < 0 || row >= m_hits.size())
        return;
    const SearchHit hit = m_hits.at(row);
    const QString text = m_box->text();
    switch (hit.kind) {
    case SearchHit::Kind::Draft:
        if (!m_window->openDraft(hit.draftId)) {
            m_note->setText(tr("This draft is no longer there."));
            return;
        }
        hide();
        locateInEditor(text);
        return;
    case SearchHit::Kind::Revision: {
        if (!m_window->openDraft(hit.draftId)) {
            m_note->setText(tr("This draft is no longer there."));
            return;
        }
        hide();
        // The revisions dialog lists them newest first, like the store.
        const QList<Revision> revisions = m_store->revisions(hit.draftId);
        RevisionsDialog *dialog = m_window->showRevisions();
        for (int i = 0; dialog && i < revisions.size(); ++i) {
            if (revisions.at(i).id == hit.revisionId)
                dialog->list()->setCurrentRow(i);
        }
        return;
    }
    case SearchHit::Kind::Page: {
        hide();
        m_pageSearch = text;
        m_window->editPage(hit.pageUrl.isEmpty() ? hit.pagePath : hit.pageUrl);
        // Opened at once when a draft of the page is here; otherwise when it is fetched.
        if (m_window->session()->draft().pagePath == hit.pagePath) {
            m_pageSearch.clear();
            locateInEditor(text);
        }
        return;
    }
    }
}

void SearchDialog::locateInEditor(const QString &text)
{
    EditorPane *pane = m_window->editorPane();
    m_locateTitle = pane->title();
    m_locateBody = pane->body();
    m_locateSerial = m_service->locate(text, m_locateTitle, m_locateBody);
}

void SearchDialog::selectMatch(const SearchLocation &where)
{
    if (where.serial != m_locateSerial)
        return;
    EditorPane *pane = m_window->editorPane();
    // The writer may have typed meanwhile: the place is only right in the text it was found in.
    if (where.field == SearchLocation::Field::Body && pane->body() == m_locateBody) {
        SourceEditor *editor = pane->editor();
        const int end = editor->document()->characterCount() - 1;
        QTextCursor c(editor->document());
        c.setPosition(qBound(0, where.start, end));
        c.setPosition(qBound(0, where.start + where.length, end), QTextCursor::KeepAnchor);
        editor->setTextCursor(c);
        editor->centerCursor();
        editor->setFocus(Qt::OtherFocusReason);
    } else if (where.field == SearchLocation::Field::Title && pane->title() == m_locateTitle) {
        pane->titleEdit()->setFocus(Qt::OtherFocusReason);
        pane->titleEdit()->setSelection(where.start, where.length);
    } else {
        return;
    }
    m_locateBody.clear();
    Q_EMIT matchSelected();
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the box move through the results, so the hands stay on the keys.
    if (watched == m_box && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_results->count() > 0) {
            const int row = m_results->currentRow() + (key == Qt::Key_Down ? 1 : -1);
            m_results->setCurrentRow(qBound(0, row, m_results->count() - 1));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace tg
