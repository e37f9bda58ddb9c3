// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QLocale;

namespace tg {

/// Edit → Set Word Goal…: asks for the open draft's word goal (0 or empty: none). A value that
/// is not a whole number, is negative or is beyond MaxGoal keeps the dialog open with a message
/// saying what is wrong; an accepted value is emitted by goalChosen().
class WordGoalDialog : public QDialog
{
    Q_OBJECT
public:
    /// The largest goal accepted: far beyond any article, small enough for every counter.
    static constexpr int MaxGoal = 1000000;

    WordGoalDialog(int currentGoal, QWidget *parent = nullptr);

    /// Reads a goal typed in `locale` (its digit grouping allowed: "1,000" in English, "1.000"
    /// in German; plain digits always); nothing, with a user-facing reason, when it is no goal.
    static std::optional<int> parse(const QString &text, const QLocale &locale,
                                    QString *error = nullptr);

    QLineEdit *edit() const { return m_edit; }
    /// The reason the last value was refused (empty when none was).
    QString errorText() const;

    void accept() override;

Q_SIGNALS:
    /// A valid goal was confirmed (0: no goal).
    void goalChosen(int goal);

private:
    QLineEdit *m_edit;
    QLabel *m_error;
};

} // namespace tg
