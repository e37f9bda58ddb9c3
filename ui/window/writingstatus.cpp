// SPDX-License-Identifier: MIT
#include "window/writingstatus.h"

#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "storage/draftstore.h"
#include "window/wordgoaldialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTextCursor>
#include <QtConcurrent/QtConcurrentRun>

#include <climits>

namespace tg {

namespace {

int clampToInt(qsizetype n)
{
    return int(qBound(qsizetype(0), n, qsizetype(INT_MAX)));
}

/// A selection's text as the counter reads it: paragraphs end in '\n', not U+2029.
QString selectionText(const QTextCursor &cursor)
{
    QString text = cursor.selectedText();
    text.replace(QChar::ParagraphSeparator, u'\n');
    text.replace(QChar::LineSeparator, u'\n');
    return text;
}

} // namespace

WritingStatus::WritingStatus(EditorPane *pane, DraftStore *store, QWidget *parent)
    : QWidget(parent)
    , m_pane(pane)
    , m_store(store)
    , m_selectionLabel(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_goalBar(new QProgressBar(this))
    , m_goalLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("writingStatus"));
    m_selectionLabel->setObjectName(QStringLiteral("selectionCountsLabel"));
    m_selectionLabel->hide();
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_goalBar->setObjectName(QStringLiteral("wordGoalBar"));
    m_goalBar->setTextVisible(false);
    m_goalBar->setFixedWidth(90);
    m_goalBar->setMaximumHeight(m_counts->sizeHint().height());
    m_goalBar->setAccessibleName(tr("Word goal progress"));
    m_goalLabel->setObjectName(QStringLiteral("wordGoalLabel"));
    m_goalBar->hide();
    m_goalLabel->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_selectionLabel);
    layout->addWidget(m_counts);
    layout->addWidget(m_goalBar);
    layout->addWidget(m_goalLabel);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &WritingStatus::startCount);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &WritingStatus::onCounted);
    connect(pane, &EditorPane::edited, this, &WritingStatus::schedule);
    connect(pane->editor(), &QPlainTextEdit::selectionChanged, this,
            &WritingStatus::onSelectionChanged);
    showCounts();
}

WritingStatus::~WritingStatus()
{
    // The count works on its own copy of the text: nothing to wait for but its end.
    m_watcher.waitForFinished();
}

TextMarkup WritingStatus::markup() const
{
    return m_pane->format() == DraftFormat::Html ? TextMarkup::Html : TextMarkup::Markdown;
}

void WritingStatus::setDraft(const QString &draftId)
{
    ++m_generation;
    m_draftId = draftId;
    bool ok = false;
    const int stored = m_store->option(draftId, goalKey()).toInt(&ok);
    m_goal = ok && stored > 0 && stored <= WordGoalDialog::MaxGoal ? stored : 0;
    m_debounce.stop();
    m_hasSelection = false;
    m_selectionPending = false;
    if (m_pane->editor()->document()->characterCount() <= DraftSyncLimit) {
        m_draft = TextStats::of(m_pane->body(), markup());
        showCounts();
        Q_EMIT counted();
    } else {
        startCount();
    }
    onSelectionChanged();
    showGoal();
    Q_EMIT wordGoalChanged(m_goal);
}

bool WritingStatus::setWordGoal(int goal, QString *error)
{
    QString message;
    if (m_draftId.isEmpty())
        message = tr("There is no open draft to set a word goal for.");
    else if (goal < 0 || goal > WordGoalDialog::MaxGoal)
        message = tr("A word goal is between 0 and %L1 words.").arg(WordGoalDialog::MaxGoal);
    else if (!m_store->setOption(m_draftId, goalKey(),
                                 goal > 0 ? QString::number(goal) : QString()))
        message = tr("The word goal could not be saved in the drafts database: %1")
                      .arg(m_store->lastError());
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return false;
    }
    m_goal = goal;
    showGoal();
    Q_EMIT wordGoalChanged(goal);
    return true;
}

WordGoalDialog *WritingStatus::askWordGoal()
{
    auto *dialog = new WordGoalDialog(m_goal, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WordGoalDialog::goalChosen, this, [this](int goal) {
        QString error;
        if (!setWordGoal(goal, &error))
            Q_EMIT problem(error);
    });
    dialog->open();
    return dialog;
}

bool WritingStatus::isCounting() const
{
    return m_debounce.isActive() || m_watcher.isRunning() || m_again;
}

void WritingStatus::schedule()
{
    m_debounce.start(); // restarted by every edit: the count waits for a pause
}

void WritingStatus::startCount()
{
    if (m_watcher.isRunning()) {
        m_again = true; // one more count when this one ends, never a queue of stale ones
        return;
    }
    const QTextCursor cursor = m_pane->editor()->textCursor();
    const bool bigSelection = m_selectionPending && cursor.hasSelection();
    const QString body = m_pane->body();
    const QString selection = bigSelection ? selectionText(cursor) : QString();
    const TextMarkup how = markup();
    const quint64 generation = m_generation;
    m_watcher.setFuture(QtConcurrent::run([body, selection, bigSelection, how, generation] {
        Result r;
        r.draft = TextStats::of(body, how);
        if (bigSelection) {
            r.selection = TextStats::of(selection, how);
            r.countedSelection = true;
        }
        r.generation = generation;
        return r;
    }));
}

void WritingStatus::onCounted()
{
    const Result r = m_watcher.result();
    if (r.generation == m_generation) {
        m_draft = r.draft;
        if (r.countedSelection && m_selectionPending) {
            m_selection = r.selection;
            m_selectionPending = false;
        }
        showCounts();
        Q_EMIT counted();
    }
    if (m_again) {
        m_again = false;
        startCount();
    }
}

void WritingStatus::onSelectionChanged()
{
    const QTextCursor cursor = m_pane->editor()->textCursor();
    m_hasSelection = cursor.hasSelection();
    m_selectionPending = false;
    if (m_hasSelection) {
        if (cursor.selectionEnd() - cursor.selectionStart() <= SelectionSyncLimit) {
            m_selection = TextStats::of(selectionText(cursor), markup());
        } else {
            m_selectionPending = true;
            schedule();
        }
    }
    showCounts();
}

QString WritingStatus::describe(const TextStats &stats, bool withReadingTime)
{
    QString text = tr("%Ln word(s)", nullptr, clampToInt(stats.words)) + QStringLiteral(" · ") +
                   tr("%Ln character(s)", nullptr, clampToInt(stats.characters));
    if (withReadingTime && stats.words > 0) {
        text += QStringLiteral(" · ") +
                (stats.readingSeconds() < 60
                     ? tr("< 1 min read")
                     : tr("%Ln min read", nullptr, clampToInt(stats.readingMinutes())));
    }
    return text;
}

void WritingStatus::showCounts()
{
    m_counts->setText(describe(m_draft, true));
    m_counts->setToolTip(m_draft.truncated
                             ? tr("Only the first %L1 characters of this draft were counted.")
                                   .arg(TextStats::DefaultLimit)
                             : tr("Words and characters of the text, without its markup"));
    m_selectionLabel->setVisible(m_hasSelection);
    if (m_hasSelection)
        m_selectionLabel->setText(m_selectionPending
                                      ? tr("Selection: counting…")
                                      : tr("Selection: %1").arg(describe(m_selection, false)));
    showGoal();
}

void WritingStatus::showGoal()
{
    const bool shown = m_goal > 0;
    m_goalBar->setVisible(shown);
    m_goalLabel->setVisible(shown);
    if (!shown)
        return;
    const int words = clampToInt(m_draft.words);
    m_goalBar->setRange(0, m_goal);
    m_goalBar->setValue(qMin(words, m_goal));
    const QLocale locale;
    const bool reached = words >= m_goal;
    const QString figures = tr("%1 / %2").arg(locale.toString(words), locale.toString(m_goal));
    m_goalLabel->setText(reached ? tr("%1 · goal reached").arg(figures) : figures);
    m_goalLabel->setProperty("reached", reached);
    const QString tip = tr("Word goal: %Ln word(s)", nullptr, m_goal);
    m_goalBar->setToolTip(tip);
    m_goalLabel->setToolTip(tip);
}

} // namespace tg
