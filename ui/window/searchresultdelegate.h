// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace tg {

/// Draws a Find Everywhere result from the HTML in its HtmlRole (the title, the kind and a
/// snippet with the match in bold), wrapped to the list's width, in the selection's colours when
/// selected.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// The item data role that holds the HTML to draw (escaped by whoever sets it).
    static constexpr int HtmlRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tg
