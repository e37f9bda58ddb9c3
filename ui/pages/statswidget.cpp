// SPDX-License-Identifier: MIT
#include "pages/statswidget.h"

#include "pages/csvexport.h"
#include "pages/pagelistmodel.h"
#include "pages/statschart.h"
#include "pages/viewstatsfetcher.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

#include <algorithm>

namespace tg {

namespace {

/// Qt's plural forms take an int.
int clampedCount(qint64 n)
{
    return int(qBound(qint64(0), n, qint64(INT_MAX)));
}

} // namespace

StatsWidget::StatsWidget(ViewStatsFetcher *fetcher, PageListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_fetcher(fetcher)
    , m_model(model)
    , m_range(new QComboBox(this))
    , m_heading(new QLabel(this))
    , m_chart(new StatsChart(this))
    , m_total(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_account(new QLabel(this))
    , m_top(new QListWidget(this))
{
    m_range->addItem(tr("Last 48 hours"), int(ViewRange::Hours48));
    m_range->addItem(tr("Last 30 days"), int(ViewRange::Days30));
    m_range->addItem(tr("Last 90 days"), int(ViewRange::Days90));
    m_range->addItem(tr("Last 12 months"), int(ViewRange::Months12));
    m_range->addItem(tr("Last 24 months"), int(ViewRange::Months24));
    m_range->setCurrentIndex(1);
    m_heading->setWordWrap(true);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_export->setEnabled(false);
    m_top->setAccessibleName(tr("Most viewed pages"));
    m_account->setWordWrap(true);
    m_chart->setMinimumHeight(170);

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_range);
    auto *status = new QHBoxLayout;
    status->addWidget(m_total, 1);
    status->addWidget(m_progress);
    status->addWidget(m_cancel);
    status->addWidget(m_export);
    // The page's chart on the left, the account's summary beside it: low enough for a dock
    // under the editor.
    auto *page = new QVBoxLayout;
    page->addLayout(top);
    page->addWidget(m_chart, 1);
    page->addLayout(status);
    auto *account = new QVBoxLayout;
    account->addWidget(m_account);
    account->addWidget(m_top, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(page, 3);
    layout->addLayout(account, 2);

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] { fetch(); });
    connect(m_cancel, &QPushButton::clicked, m_fetcher, &ViewStatsFetcher::cancel);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export Views"), QStringLiteral("views-%1.csv").arg(m_path),
            tr("CSV files (*.csv)"));
        QString error;
        if (!file.isEmpty() && !exportCsv(file, &error))
            m_total->setText(error);
    });
    connect(m_fetcher, &ViewStatsFetcher::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_fetcher, &ViewStatsFetcher::seriesReady, this, &StatsWidget::onReady);
    connect(m_fetcher, &ViewStatsFetcher::failed, this, &StatsWidget::onFailed);
    connect(m_fetcher, &ViewStatsFetcher::cancelled, this, [this] {
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        m_total->setText(tr("Cancelled."));
    });
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &StatsWidget::updateAccountSummary);
        connect(m_model, &QAbstractItemModel::rowsInserted, this,
                &StatsWidget::updateAccountSummary);
        connect(m_model, &QAbstractItemModel::dataChanged, this,
                &StatsWidget::updateAccountSummary);
        connect(m_model, &PageListModel::listRefreshed, this, &StatsWidget::refresh);
    }
    setPage(Page());
    updateAccountSummary();
}

ViewRange StatsWidget::range() const
{
    return ViewRange(m_range->currentData().toInt());
}

void StatsWidget::setRange(ViewRange range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void StatsWidget::setPage(const Page &page)
{
    m_path = page.path;
    m_title = page.title;
    fetch();
}

void StatsWidget::refresh()
{
    if (m_path.isEmpty())
        return;
    if (m_model) {
        for (const Page &p : m_model->pages()) {
            if (p.path == m_path) {
                m_title = p.title;
                break;
            }
        }
    }
    fetch();
}

void StatsWidget::fetch()
{
    // A running fetch ends first, so its "cancelled" does not overwrite the new state.
    m_fetcher->cancel();
    m_hasSeries = false;
    m_export->setEnabled(false);
    m_chart->clear();
    if (m_path.isEmpty()) {
        m_fetcher->cancel();
        m_heading->setText(tr("Select a page to see its views."));
        m_total->clear();
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        return;
    }
    m_heading->setText(m_title.isEmpty() ? m_path : m_title);
    m_total->setText(tr("Loading…"));
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_fetcher->fetch(m_path, range());
}

void StatsWidget::onReady(const ViewSeries &series)
{
    if (series.path != m_path || series.range != range())
        return;
    m_series = series;
    m_hasSeries = true;
    m_chart->setSeries(series);
    //: the views of the chart's period · the page's views of all time
    m_total->setText(tr("%1 · %2").arg(
        tr("%Ln view(s) in this period", nullptr, clampedCount(series.rangeSum())),
        tr("%Ln in total", nullptr, clampedCount(series.total))));
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_export->setEnabled(true);
}

void StatsWidget::onFailed(const ApiError &error)
{
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_total->setText(tr("Could not load the views: %1").arg(error.message));
}

bool StatsWidget::exportCsv(const QString &filePath, QString *error) const
{
    if (!m_hasSeries) {
        if (error)
            *error = tr("There are no numbers to export yet.");
        return false;
    }
    QSaveFile f(filePath);
    const QByteArray data = csv::viewSeries(m_series);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(filePath, f.errorString());
        return false;
    }
    return true;
}

void StatsWidget::updateAccountSummary()
{
    m_top->clear();
    if (!m_model || m_model->pages().isEmpty()) {
        m_account->setText(tr("No pages loaded."));
        return;
    }
    const QList<Page> &pages = m_model->pages();
    qint64 total = 0;
    QList<int> order(pages.size());
    for (int i = 0; i < pages.size(); ++i) {
        total += pages.at(i).views;
        order[i] = i;
    }
    const int n = qMin(m_topCount, int(order.size()));
    std::partial_sort(order.begin(), order.begin() + n, order.end(),
                      [&pages](int a, int b) { return pages.at(a).views > pages.at(b).views; });
    const QLocale l;
    //: the views of all loaded pages, then how many pages are loaded
    m_account->setText(tr("Account: %1 on %2")
                           .arg(tr("%Ln view(s)", nullptr, clampedCount(total)),
                                tr("%Ln loaded page(s)", nullptr, int(pages.size()))));
    for (int i = 0; i < n; ++i) {
        const Page &p = pages.at(order.at(i));
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 — %2").arg(l.toString(p.views),
                                                              p.title.isEmpty() ? p.path : p.title),
                                m_top);
        item->setData(Qt::UserRole, p.path);
    }
}

} // namespace tg
