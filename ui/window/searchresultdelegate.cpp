// SPDX-License-Identifier: MIT
#include "window/searchresultdelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace tg {

namespace {

constexpr int Margin = 4;

void prepare(QTextDocument &doc, const QStyleOptionViewItem &option, const QString &html)
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    doc.setHtml(html);
    doc.setTextWidth(qMax(80, option.rect.width() - 2 * Margin));
}

} // namespace

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    QTextDocument doc;
    prepare(doc, opt, index.data(HtmlRole).toString());
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = opt.state & QStyle::State_Selected;
    context.palette.setColor(
        QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->save();
    painter->translate(opt.rect.topLeft() + QPoint(Margin, Margin));
    context.clip = QRectF(0, 0, opt.rect.width() - 2 * Margin, opt.rect.height() - 2 * Margin);
    painter->setClipRect(context.clip);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QTextDocument doc;
    prepare(doc, opt, index.data(HtmlRole).toString());
    return QSize(int(doc.idealWidth()) + 2 * Margin, int(doc.size().height()) + 2 * Margin);
}

} // namespace tg
