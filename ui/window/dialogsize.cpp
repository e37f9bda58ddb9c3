// SPDX-License-Identifier: MIT
#include "window/dialogsize.h"

#include <QDialog>
#include <QLayout>
#include <QLineEdit>

namespace tg {

void fitDialogToText(QDialog *dialog, int minimumChars)
{
    QLayout *layout = dialog->layout();
    if (!layout)
        return;
    layout->activate();
    const int width = qMax(layout->minimumSize().width(),
                           minimumChars * dialog->fontMetrics().averageCharWidth());
    // Word-wrapped labels need more height the narrower they are: the minimum height is the one
    // at the minimum width (Qt itself drops the minimum of such a window to nothing).
    const int height = layout->hasHeightForWidth() ? qMax(layout->minimumSize().height(),
                                                          layout->totalHeightForWidth(width))
                                                   : layout->minimumSize().height();
    dialog->setMinimumSize(width, height);
}

void fitLineEditTo(QLineEdit *edit, const QString &text)
{
    // QLineEdit's size hint is 17 'x' wide plus its frame and margins: keep those, widen the text.
    const QFontMetrics fm = edit->fontMetrics();
    const int chrome = edit->sizeHint().width() - 17 * fm.horizontalAdvance(QLatin1Char('x'));
    // (and a character to spare, for the cursor and rounding).
    edit->setMinimumWidth(
        qMax(edit->minimumWidth(), chrome + fm.horizontalAdvance(text) + fm.averageCharWidth()));
}

} // namespace tg
