// SPDX-License-Identifier: MIT
#pragma once

#include "pages/viewseries.h"

#include <QChartView>
#include <QList>

class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QValueAxis;

namespace tg {

/// A bar chart of a page's views per bucket (hours, days or months). The x axis labels only as
/// many buckets as fit the width without eliding (chosen again when the chart is resized), the
/// y axis has whole-number steps up to a round maximum just above the data, and hovering a
/// bucket tells its date and views. Buckets that could not be fetched show as empty bars.
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
    /// The label of every bar, oldest first (unique: hours carry their day).
    QStringList categories() const;
    /// The labels the x axis shows now (a readable subset of the bars), oldest first.
    QStringList tickLabels() const { return m_tickLabels; }
    /// The bars those labels stand under.
    QList<int> tickIndexes() const { return m_tickIndexes; }
    /// The width one x axis label needs without being elided, padding included.
    qreal tickLabelWidth() const;

    /// The y axis: its top value and the number of ticks from 0 to it.
    qreal valueTop() const;
    int valueTickCount() const;
    /// The round top and whole step for counts up to `max` in at most `maxIntervals` steps
    /// (1, 2, 5, 10, 20, 50, … per step): 0 or 1 view gives 0–1, 7 views in 5 steps 0–8 by 2.
    static void niceScale(qint64 max, int maxIntervals, qint64 *top, qint64 *step);

    /// The bar under a point of the viewport (anywhere in its column of the plot), or -1.
    int barAt(const QPoint &viewportPos) const;
    /// The viewport point at the middle of a bar's column, for pointing at it.
    QPoint barCenter(int index) const;
    /// What hovering a bar tells: its date (and hour) and its views; empty for no bar.
    QString barToolTip(int index) const;
    /// The tool tip shown for the bar under the mouse now (empty when none).
    QString hoverText() const { return m_hoverText; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    /// Picks the labelled bars and the y scale for the current plot size.
    void relayout();
    QString tickText(int index) const;

    ViewSeries m_series;
    QBarSeries *m_bars;
    QBarSet *m_set;
    QCategoryAxis *m_axisX;
    QValueAxis *m_axisY;
    QStringList m_tickLabels;
    QList<int> m_tickIndexes;
    QString m_hoverText;
    bool m_relayouting = false;
};

} // namespace tg
