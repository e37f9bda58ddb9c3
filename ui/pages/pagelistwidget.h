// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"

#include <QUrl>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tg {

class PageListModel;
class PageListSync;

/// The page list panel: the current account's pages in a sortable table with a text filter,
/// a background refresh with progress and cancel, and actions on the selected page (open in
/// the editor, open in the browser, copy URL, unpublish) plus CSV export of the list.
class PageListWidget : public QWidget
{
    Q_OBJECT
public:
    /// Neither is owned; `sync` may be null (no refresh).
    PageListWidget(PageListModel *model, PageListSync *sync, QWidget *parent = nullptr);

    /// How URLs are opened (default QDesktopServices::openUrl); tests replace it.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QProgressBar *progressBar() const { return m_progress; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *openInEditorAction() const { return m_openEditor; }
    QAction *openInBrowserAction() const { return m_openBrowser; }
    QAction *copyUrlAction() const { return m_copyUrl; }
    QAction *unpublishAction() const { return m_unpublish; }
    QAction *exportCsvAction() const { return m_exportCsv; }

    /// The selected page, if any.
    std::optional<Page> currentPage() const;
    /// Shows only pages whose title, path or description contains the text (all cached pages
    /// are loaded first, so the filter covers the whole list).
    void setFilterText(const QString &text);
    /// Writes the pages shown (filtered, in view order) as CSV; false with *error on failure.
    bool exportCsv(const QString &filePath, QString *error = nullptr) const;

public Q_SLOTS:
    /// Starts a background refresh of the whole list.
    void refresh();

Q_SIGNALS:
    /// The selection moved to another page (or to none: an empty path). The selection stays
    /// on its page (by path) when the list is refreshed or rows move.
    void currentPageChanged(const tg::Page &page);
    /// The user asked to edit this page.
    void openInEditorRequested(const tg::Page &page);
    /// The user asked to unpublish this page (the caller confirms and does it).
    void unpublishRequested(const tg::Page &page);

private:
    void updateActions();
    void onCurrentRowChanged();
    /// Moves the selection back to the selected page after the rows changed.
    void keepSelection();
    void onRefreshFinished();
    void onProgress(int done, int total);

    PageListModel *m_model;
    PageListSync *m_sync;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QProgressBar *m_progress;
    QLabel *m_status;
    QAction *m_refresh;
    QAction *m_cancel;
    QAction *m_openEditor;
    QAction *m_openBrowser;
    QAction *m_copyUrl;
    QAction *m_unpublish;
    QAction *m_exportCsv;
    std::function<void(const QUrl &)> m_openUrl;
    QString m_currentPath; ///< the selected page, kept across refreshes
    bool m_restoring = false;
};

} // namespace tg
