// SPDX-License-Identifier: MIT
#include "window/wordgoaldialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace tg {

namespace {
constexpr int MaxShownInput = 40; // characters of a refused value quoted back
} // namespace

WordGoalDialog::WordGoalDialog(int currentGoal, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("wordGoalDialog"));
    setWindowTitle(tr("Word Goal"));
    auto *prompt = new QLabel(tr("Words to write in this draft (0 for no goal):"), this);
    prompt->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("wordGoalEdit"));
    m_edit->setAccessibleName(tr("Word goal"));
    m_edit->setMaxLength(64);
    if (currentGoal > 0)
        m_edit->setText(QLocale().toString(currentGoal));
    m_edit->selectAll();
    m_error->setObjectName(QStringLiteral("wordGoalError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &WordGoalDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textEdited, m_error, &QWidget::hide);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

std::optional<int> WordGoalDialog::parse(const QString &input, const QLocale &locale,
                                         QString *error)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return 0;
    const auto fail = [error](const QString &message) -> std::optional<int> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    bool ok = false;
    qlonglong value = locale.toLongLong(text, &ok);
    if (!ok)
        value = QLocale::c().toLongLong(text, &ok);
    if (!ok) {
        // A number too long for the counter is still a number: say it is too large.
        const bool negative = text.startsWith(u'-');
        bool digits = text.size() > (negative ? 1 : 0);
        for (const QChar c : text.mid(negative ? 1 : 0))
            digits = digits && c.isDigit();
        if (digits && negative)
            return fail(tr("A word goal cannot be negative. Type 0 for no goal."));
        if (digits)
            return fail(tr("%1 is more words than a goal can be: at most %L2.")
                            .arg(text.left(MaxShownInput))
                            .arg(MaxGoal));
        return fail(tr("“%1” is not a whole number of words. Type a number such as %L2, or 0 for "
                       "no goal.")
                        .arg(text.left(MaxShownInput))
                        .arg(1000));
    }
    if (value < 0)
        return fail(tr("A word goal cannot be negative. Type 0 for no goal."));
    if (value > MaxGoal)
        return fail(
            tr("%L1 words is more than a goal can be: at most %L2.").arg(value).arg(MaxGoal));
    return int(value);
}

QString WordGoalDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void WordGoalDialog::accept()
{
    QString error;
    const std::optional<int> goal = parse(m_edit->text(), QLocale(), &error);
    if (!goal) {
        m_error->setText(error);
        m_error->show();
        m_edit->setFocus();
        m_edit->selectAll();
        return;
    }
    Q_EMIT goalChosen(*goal);
    QDialog::accept();
}

} // namespace tg
