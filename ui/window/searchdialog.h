// SPDX-License-Identifier: MIT
#pragma once

#include "storage/searchhit.h"
#include "workflow/searchservice.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

namespace tg {

class DraftStore;
class MainWindow;

/// Edit → Find Everywhere: one box over the drafts, their revisions and the cached pages of
/// every account. Results come as the writer types (debounced, searched on SearchService's
/// thread), each with its kind, title and a snippet with the match in bold. Opening one opens
/// the draft (or the revision in the revisions dialog, or the page for editing) with the match
/// selected in the editor.
class SearchDialog : public QDialog
{
    Q_OBJECT
public:
    SearchDialog(MainWindow *window, DraftStore *store, QWidget *parent = nullptr);

    /// The files searched: the drafts database and the page cache.
    void setFiles(const QString &draftsPath, const QString &pageCachePath);
    /// Shows the dialog with the box focused and its text selected, searching it again.
    void activate();
    /// Opens the result in this row of the list (as Enter or a double click does).
    void openResult(int row);

    QLineEdit *searchBox() const { return m_box; }
    QListWidget *results() const { return m_results; }
    /// The line under the box: counts, "no matches" or why search is not available.
    QLabel *note() const { return m_note; }
    SearchService *service() const { return m_service; }

Q_SIGNALS:
    /// The results of the text in the box are shown.
    void resultsShown(int count);
    /// The match of an opened result is selected in the editor (or its title).
    void matchSelected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startSearch();
    void showOutcome(const SearchOutcome &outcome);
    void selectMatch(const SearchLocation &where);
    void locateInEditor(const QString &text);
    QString kindText(const SearchHit &hit) const;

    MainWindow *m_window;
    DraftStore *m_store;
    SearchService *m_service;
    QLineEdit *m_box;
    QListWidget *m_results;
    QLabel *m_note;
    QTimer *m_debounce;
    QList<SearchHit> m_hits;
    quint64 m_searchSerial = 0;
    quint64 m_locateSerial = 0;
    QString m_locateBody; ///< the editor's text the pending locate looks in
    QString m_locateTitle;
    QString m_pageSearch; ///< the text to locate once the page being fetched opens
};

} // namespace tg
