// SPDX-License-Identifier: MIT
#pragma once

#include "pages/statschart.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QStringList>

namespace tg::test {

/// The axis labels the chart draws now (visible text items of its scene), as shown on screen.
inline QStringList drawnChartLabels(const StatsChart *chart)
{
    QStringList texts;
    for (QGraphicsItem *item : chart->scene()->items()) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (text && text->isVisible() && !text->toPlainText().isEmpty())
            texts.append(text->toPlainText());
    }
    return texts;
}

/// Whether Qt Charts shortened any drawn label ("..." is what it puts in place of the rest).
inline bool anyLabelElided(const StatsChart *chart)
{
    for (const QString &t : drawnChartLabels(chart)) {
        if (t.contains(QLatin1String("...")) || t.contains(QChar(0x2026)))
            return true;
    }
    return false;
}

/// Whether every label the x axis was given is drawn, whole.
inline bool allTickLabelsDrawn(const StatsChart *chart)
{
    const QStringList drawn = drawnChartLabels(chart);
    if (chart->tickLabels().isEmpty())
        return false;
    for (const QString &t : chart->tickLabels()) {
        if (!drawn.contains(t))
            return false;
    }
    return true;
}

} // namespace tg::test
