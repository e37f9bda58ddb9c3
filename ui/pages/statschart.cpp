// SPDX-License-Identifier: MIT
#include "pages/statschart.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QLocale>
#include <QMouseEvent>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace tg {

namespace {

/// Room Qt Charts needs for a label beyond its text: the text item's margins (2 px a side)
/// and the label padding on both sides of each label's slot (4 px a side), plus rounding.
constexpr qreal LabelPadding = 14.0;
/// The y axis keeps at least this many label heights between two ticks.
constexpr qreal TickSpacingInLines = 2.0;
constexpr int MaxValueIntervals = 5;

/// Bars per label that read well for each kind of bucket, smallest first.
QList<int> tickSteps(ViewRange range)
{
    switch (range) {
    case ViewRange::Hours48:
        return {1, 2, 3, 4, 6, 8, 12, 24, 48};
    case ViewRange::Days30:
    case ViewRange::Days90:
        return {1, 2, 3, 5, 7, 10, 14, 15, 30, 45, 90};
    case ViewRange::Months12:
    case ViewRange::Months24:
        return {1, 2, 3, 4, 6, 12, 24};
    }
    return {1};
}

} // namespace

StatsChart::StatsChart(QWidget *parent)
    : QChartView(parent)
    , m_bars(new QBarSeries)
    , m_set(new QBarSet(tr("Views")))
    , m_axisX(new QCategoryAxis)
    , m_axisY(new QValueAxis)
{
    auto *c = new QChart;
    c->legend()->hide();
    c->setMargins(QMargins(2, 2, 2, 2));
    c->setAnimationOptions(QChart::NoAnimation);
    m_bars->append(m_set);
    m_bars->setBarWidth(0.9);
    c->addSeries(m_bars);
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisY, Qt::AlignLeft);
    m_bars->attachAxis(m_axisX);
    m_bars->attachAxis(m_axisY);
    // Bar i stands at x = i; each label sits under its bar.
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisX->setGridLineVisible(false);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    setChart(c); // the view owns the chart, the chart its series and axes
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    connect(c, &QChart::plotAreaChanged, this, [this] { relayout(); });
    clear();
}

void StatsChart::clear()
{
    m_series = ViewSeries();
    m_set->remove(0, m_set->count());
    m_hoverText.clear();
    relayout();
}

void StatsChart::setSeries(const ViewSeries &series)
{
    m_series = series;
    m_set->remove(0, m_set->count());
    QList<qreal> values;
    values.reserve(series.buckets.size());
    for (int i = 0; i < series.buckets.size(); ++i) {
        const qint64 v = i < series.views.size() ? series.views.at(i) : -1;
        values.append(v >= 0 ? qreal(v) : 0.0);
    }
    m_set->append(values);
    m_hoverText.clear();
    relayout();
}

void StatsChart::niceScale(qint64 max, int maxIntervals, qint64 *top, qint64 *step)
{
    max = qMax<qint64>(1, max);
    maxIntervals = qMax(1, maxIntervals);
    for (qint64 magnitude = 1;; magnitude *= 10) {
        for (qint64 factor : {1, 2, 5}) {
            const qint64 s = factor * magnitude;
            const qint64 intervals = (max + s - 1) / s;
            if (intervals <= maxIntervals) {
                *step = s;
                *top = intervals * s;
                return;
            }
        }
    }
}

QString StatsChart::tickText(int index) const
{
    const ViewBucket &b = m_series.buckets.at(index);
    if (b.hour > 0)
        return b.label();
    if (b.hour == 0) {
        ViewBucket day = b;
        day.hour = -1;
        return day.label(); // midnight: the day begins
    }
    return b.label();
}

qreal StatsChart::tickLabelWidth() const
{
    const QFontMetricsF fm(m_axisX->labelsFont());
    qreal widest = 0;
    for (int i = 0; i < m_series.buckets.size(); ++i)
        widest = qMax(widest, fm.horizontalAdvance(tickText(i)));
    return std::ceil(widest) + LabelPadding;
}

void StatsChart::relayout()
{
    if (m_relayouting)
        return;
    m_relayouting = true;
    const QRectF plot = chart()->plotArea();
    const int n = int(m_series.buckets.size());

    // The y axis: whole steps, as many as the height allows, up to a round top.
    qint64 max = 0;
    for (qint64 v : std::as_const(m_series.views))
        max = qMax(max, v);
    const qreal lineHeight = QFontMetricsF(m_axisY->labelsFont()).height();
    const int intervals =
        plot.height() > 0
            ? qBound(1, int(plot.height() / (lineHeight * TickSpacingInLines)), MaxValueIntervals)
            : MaxValueIntervals;
    qint64 top = 1;
    qint64 step = 1;
    niceScale(max, intervals, &top, &step);
    if (m_axisY->max() != qreal(top) || m_axisY->min() != 0.0)
        m_axisY->setRange(0, qreal(top));
    if (m_axisY->tickCount() != int(top / step) + 1)
        m_axisY->setTickCount(int(top / step) + 1);

    // The x axis: the newest bar always labelled, then every `step` bars back, with the
    // smallest step whose labels fit between their neighbours and in Qt's slot per label
    // (the plot width over the labels plus one).
    QList<int> indexes;
    if (n > 0) {
        const qreal need = tickLabelWidth();
        const qreal width = plot.width() > 0 ? plot.width() : qreal(viewport()->width());
        const QList<int> steps = tickSteps(m_series.range);
        int chosen = steps.last();
        for (int s : steps) {
            const int count = (n - 1) / s + 1;
            if (qreal(s) * width / n >= need && qreal(count + 1) * need <= width) {
                chosen = s;
                break;
            }
        }
        for (int i = n - 1; i >= 0; i -= chosen)
            indexes.prepend(i);
        // The rightmost label is centred on the last bar: leave it room to its right.
        QMargins margins = chart()->margins();
        const int right = qMax(2, int(std::ceil(need / 2 - width / n / 2)));
        if (margins.right() != right) {
            margins.setRight(right);
            chart()->setMargins(margins);
        }
    }
    if (indexes != m_tickIndexes || m_axisX->count() != indexes.size() ||
        m_axisX->max() != n - 0.5) {
        m_tickIndexes = indexes;
        m_tickLabels.clear();
        for (const QString &label : m_axisX->categoriesLabels())
            m_axisX->remove(label);
        m_axisX->setStartValue(-0.5);
        m_axisX->setRange(-0.5, qMax(n, 1) - 0.5);
        QSet<QString> used;
        for (int i : std::as_const(indexes)) {
            const QString text = tickText(i);
            m_tickLabels.append(text);
            // Category labels are keys (and rendered as rich text): a repeated hour gets an
            // invisible comment to stay unique.
            QString key = text;
            if (used.contains(key))
                key += QStringLiteral("<!--%1-->").arg(i);
            used.insert(key);
            m_axisX->append(key, qreal(i));
        }
    }
    m_relayouting = false;
}

void StatsChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    relayout();
}

QList<qreal> StatsChart::barValues() const
{
    QList<qreal> out;
    out.reserve(m_set->count());
    for (int i = 0; i < m_set->count(); ++i)
        out.append(m_set->at(i));
    return out;
}

QStringList StatsChart::categories() const
{
    QStringList labels;
    labels.reserve(m_series.buckets.size());
    for (const ViewBucket &b : m_series.buckets) {
        labels.append(b.hour >= 0 ? QString::number(b.day) + QLatin1Char(' ') + b.label()
                                  : b.label());
    }
    return labels;
}

qreal StatsChart::valueTop() const
{
    return m_axisY->max();
}

int StatsChart::valueTickCount() const
{
    return m_axisY->tickCount();
}

int StatsChart::barAt(const QPoint &viewportPos) const
{
    const QPointF inChart = chart()->mapFromScene(mapToScene(viewportPos));
    if (m_series.buckets.isEmpty() || !chart()->plotArea().contains(inChart))
        return -1;
    const int index = qRound(chart()->mapToValue(inChart, m_bars).x());
    return index >= 0 && index < m_series.buckets.size() ? index : -1;
}

QPoint StatsChart::barCenter(int index) const
{
    const QPointF inChart = chart()->mapToPosition(QPointF(index, m_axisY->max() / 2), m_bars);
    return mapFromScene(chart()->mapToScene(inChart));
}

QString StatsChart::barToolTip(int index) const
{
    if (index < 0 || index >= m_series.buckets.size())
        return {};
    const ViewBucket &b = m_series.buckets.at(index);
    const QLocale l;
    QString when;
    if (b.hour >= 0) {
        //: the hour a bar of the 48-hour chart covers: date, from, to
        when = tr("%1, %2–%3 UTC")
                   .arg(l.toString(b.start.date(), QStringLiteral("d MMM yyyy")),
                        b.start.toString(QStringLiteral("HH:mm")),
                        b.end.toString(QStringLiteral("HH:mm")));
    } else if (b.day > 0) {
        when = l.toString(b.start.date(), QStringLiteral("d MMM yyyy"));
    } else {
        when = l.toString(b.start.date(), QStringLiteral("MMMM yyyy"));
    }
    const qint64 v = index < m_series.views.size() ? m_series.views.at(index) : -1;
    if (v < 0)
        return tr("%1: not loaded").arg(when);
    //: a bar of the views chart: its date, then the views
    return tr("%1: %Ln view(s)", nullptr, int(qMin<qint64>(v, INT_MAX))).arg(when);
}

void StatsChart::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QString text = barToolTip(barAt(event->position().toPoint()));
    if (text == m_hoverText)
        return;
    m_hoverText = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, viewport());
}

void StatsChart::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    m_hoverText.clear();
    QToolTip::hideText();
}

} // namespace tg
