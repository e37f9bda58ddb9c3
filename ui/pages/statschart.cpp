// SPDX-License-Identifier: MIT
#include "pages/statschart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

namespace tg {

StatsChart::StatsChart(QWidget *parent)
    : QChartView(parent)
    , m_bars(new QBarSeries)
    , m_set(new QBarSet(tr("Views")))
    , m_axisX(new QBarCategoryAxis)
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
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setMin(0);
    m_axisX->setLabelsAngle(-60);
    setChart(c); // the view owns the chart, the chart its series and axes
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
}

void StatsChart::clear()
{
    m_set->remove(0, m_set->count());
    m_axisX->clear();
    setValueRange(0);
}

void StatsChart::setValueRange(qint64 max)
{
    // Whole numbers on every tick: the top is a multiple of the four intervals.
    const qint64 top = qMax<qint64>(4, (max + 3) / 4 * 4);
    m_axisY->setRange(0, qreal(top));
    m_axisY->setTickCount(5);
}

void StatsChart::setSeries(const ViewSeries &series)
{
    clear();
    QStringList labels;
    QList<qreal> values;
    qint64 max = 0;
    for (int i = 0; i < series.buckets.size(); ++i) {
        // Category labels must be unique: hours of two days get their day in front.
        const ViewBucket &b = series.buckets.at(i);
        labels.append(b.hour >= 0 ? QString::number(b.day) + QLatin1Char(' ') + b.label()
                                  : b.label());
        const qint64 v = i < series.views.size() ? series.views.at(i) : -1;
        values.append(v >= 0 ? qreal(v) : 0.0);
        max = qMax(max, v);
    }
    m_axisX->append(labels);
    m_set->append(values);
    setValueRange(max);
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
    return m_axisX->categories();
}

} // namespace tg
