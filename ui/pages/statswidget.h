// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"
#include "pages/viewseries.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace tg {

class PageListModel;
class StatsChart;
class ViewStatsFetcher;

/// View statistics: for the selected page a chart by hour (48 h), day (30/90 d) or month
/// (12/24 m) with its total, fetched concurrently, cancellable and cancelled when the selection
/// changes, exportable as CSV, and fetched again whenever the page list is refreshed; for the
/// account the total views and the top pages (from the page list's numbers).
class StatsWidget : public QWidget
{
    Q_OBJECT
public:
    /// `fetcher` is not owned; `model` (optional) supplies the account's pages.
    StatsWidget(ViewStatsFetcher *fetcher, PageListModel *model, QWidget *parent = nullptr);

    StatsChart *chart() const { return m_chart; }
    QComboBox *rangeBox() const { return m_range; }
    QLabel *totalLabel() const { return m_total; }
    QLabel *accountLabel() const { return m_account; }
    QListWidget *topPages() const { return m_top; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *exportButton() const { return m_export; }

    ViewRange range() const;
    void setRange(ViewRange range);
    /// The page whose statistics are shown; empty path clears the chart.
    QString pagePath() const { return m_path; }
    /// Whether the numbers of the page are shown (not loading, not failed).
    bool hasSeries() const { return m_hasSeries; }
    /// The numbers shown, when hasSeries().
    const ViewSeries &series() const { return m_series; }

    /// Writes the shown series as CSV; false with *error when there is none or it fails.
    bool exportCsv(const QString &filePath, QString *error = nullptr) const;

    /// How many pages the top list shows (default 10).
    void setTopCount(int n) { m_topCount = qMax(1, n); }

public Q_SLOTS:
    /// Shows the statistics of a page, cancelling the fetch for the previous one.
    void setPage(const tg::Page &page);
    /// Fetches the shown page's statistics again (its title from the model), e.g. after the
    /// page list was refreshed, so both show the server's current numbers.
    void refresh();
    /// Recomputes the account total and the top pages from the model.
    void updateAccountSummary();

private:
    void fetch();
    void onReady(const ViewSeries &series);
    void onFailed(const ApiError &error);

    ViewStatsFetcher *m_fetcher;
    PageListModel *m_model;
    QString m_path;
    QString m_title;
    ViewSeries m_series;
    bool m_hasSeries = false;
    int m_topCount = 10;

    QComboBox *m_range;
    QLabel *m_heading;
    StatsChart *m_chart;
    QLabel *m_total;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_export;
    QLabel *m_account;
    QListWidget *m_top;
};

} // namespace tg
