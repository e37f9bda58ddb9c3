// SPDX-License-Identifier: MIT
#include "window/menustyle.h"

#include <QPainter>
#include <QStyleOptionMenuItem>

namespace tg {

MenuStyle::MenuStyle(QObject *parent)
{
    setParent(parent);
}

void MenuStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                            const QWidget *widget) const
{
    const auto *item = qstyleoption_cast<const QStyleOptionMenuItem *>(option);
    const qsizetype tab = item ? item->text.indexOf(QLatin1Char('\t')) : -1;
    if (element != CE_MenuItem || !item || item->direction != Qt::RightToLeft || tab < 0) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    // The item without its shortcut, then the shortcut at the far (left) edge of the item.
    QStyleOptionMenuItem label(*item);
    label.text = item->text.left(tab);
    QProxyStyle::drawControl(element, &label, painter, widget);

    const bool enabled = item->state & State_Enabled;
    const bool selected = item->state & State_Selected;
    const int margin = 2 * item->fontMetrics.averageCharWidth();
    const QRect keys = item->rect.adjusted(margin, 0, -item->rect.width() / 2, 0);
    int flags = Qt::AlignAbsolute | Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine;
    if (!proxy()->styleHint(SH_UnderlineShortcut, item, widget))
        flags |= Qt::TextHideMnemonic;
    painter->save();
    painter->setPen(item->palette.color(enabled ? QPalette::Active : QPalette::Disabled,
                                        selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(keys, flags, item->text.mid(tab + 1));
    painter->restore();
}

} // namespace tg
