// SPDX-License-Identifier: MIT
#pragma once

#include "pages/viewseries.h"

#include <QChartView>
#include <QList>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QValueAxis;

namespace tg {

/// A bar chart of a page's views per bucket (hours, days or months), with the bucket labels
/// on the x axis; buckets that could not be fetched show as empty bars.
class StatsChart : public QChartView
{
    Q_OBJECT
public:
    explicit StatsChart(QWidget *parent = nullptr);

    /// Shows a series (replacing the previous one).
    void setSeries(const ViewSeries &series);
    /// Removes the bars.
    void clear();

    /// The values of the bars, oldest first (what the chart shows).
    QList<qreal> barValues() const;
    /// The x axis labels, oldest first.
    QStringList categories() const;

private:
    void setValueRange(qint64 max);

    QBarSeries *m_bars;
    QBarSet *m_set;
    QBarCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
};

} // namespace tg
