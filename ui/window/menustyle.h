// SPDX-License-Identifier: MIT
#pragma once

#include <QProxyStyle>

namespace tg {

/// The style of the window's menus. Right to left, Fusion draws a menu item's shortcut against
/// the inside of its column, so a short one ("F5") runs into the item's text; this draws it at
/// the column's far edge instead. Everything else, and every left-to-right menu, is the
/// application style's.
class MenuStyle : public QProxyStyle
{
    Q_OBJECT
public:
    explicit MenuStyle(QObject *parent = nullptr);

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
};

} // namespace tg
