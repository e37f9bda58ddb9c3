// SPDX-License-Identifier: MIT
#pragma once

#include "content/textstats.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace tg {

class DraftStore;
class EditorPane;
class WordGoalDialog;

/// The writing figures in the status bar: "1,234 words · 7,890 characters · 6 min read" for the
/// draft's text (see TextStats for what counts), "Selection: 12 words · 70 characters" while
/// text is selected, and the draft's word goal as a small progress bar with "620 / 1,000",
/// marked once reached. Numbers are in the UI locale's digits and grouping.
///
/// The draft is counted off the GUI thread, at most once per DebounceMs pause in typing (one
/// count at a time; edits made meanwhile are counted once more when it ends). A selection up to
/// SelectionSyncLimit is counted at once, a larger one with the draft. The goal is the draft
/// option "wordGoal" in the drafts database, read when a draft is opened.
class WritingStatus : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 300;
    static constexpr qsizetype SelectionSyncLimit = 64 * 1024;
    static constexpr qsizetype DraftSyncLimit = 64 * 1024; ///< counted at once when opened
    /// The draft option that holds the goal (decimal digits; absent: no goal).
    static QString goalKey() { return QStringLiteral("wordGoal"); }

    WritingStatus(EditorPane *pane, DraftStore *store, QWidget *parent = nullptr);
    ~WritingStatus() override;

    /// The draft now in the editor: its goal is read and its text counted.
    void setDraft(const QString &draftId);
    /// The open draft's goal in words (0: none).
    int wordGoal() const { return m_goal; }
    /// Stores the open draft's goal (0 removes it); false with a message when it cannot be.
    bool setWordGoal(int goal, QString *error = nullptr);
    /// Edit → Set Word Goal…: opens the dialog over the window (it deletes itself on close).
    WordGoalDialog *askWordGoal();

    const TextStats &draftStats() const { return m_draft; }
    const TextStats &selectionStats() const { return m_selection; }
    bool hasSelection() const { return m_hasSelection; }
    /// True while a count is waiting for a pause in typing or running.
    bool isCounting() const;

    /// "1,234 words · 7,890 characters" (and " · 6 min read" when `withReadingTime`).
    static QString describe(const TextStats &stats, bool withReadingTime);

Q_SIGNALS:
    /// The draft's figures were brought up to date.
    void counted();
    /// The open draft's goal changed (set, or another draft opened).
    void wordGoalChanged(int goal);
    /// Something the writer should read (a goal that could not be stored).
    void problem(const QString &message);

private:
    struct Result
    {
        TextStats draft;
        TextStats selection;
        bool countedSelection = false;
        quint64 generation = 0;
    };
    void schedule();
    void startCount();
    void onCounted();
    void onSelectionChanged();
    void showCounts();
    void showGoal();
    TextMarkup markup() const;

    EditorPane *m_pane;
    DraftStore *m_store;
    QLabel *m_selectionLabel;
    QLabel *m_counts;
    QProgressBar *m_goalBar;
    QLabel *m_goalLabel;
    QTimer m_debounce;
    QFutureWatcher<Result> m_watcher;
    bool m_again = false;
    quint64 m_generation = 0; ///< increases with every draft opened; older counts are dropped
    QString m_draftId;
    int m_goal = 0;
    TextStats m_draft;
    TextStats m_selection;
    bool m_hasSelection = false;
    bool m_selectionPending = false;
};

} // namespace tg
