// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace tg {

/// The fields of an account: the local name, Telegraph's short name, author name and URL, and
/// (when importing) the access token. Used to create, import and edit accounts.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Create,
        Import,
        Edit
    };

    explicit AccountDialog(Mode mode, QWidget *parent = nullptr);

    QString name() const;
    QString shortName() const;
    QString authorName() const;
    QString authorUrl() const;
    QString token() const;
    void setValues(const QString &name, const QString &shortName, const QString &authorName,
                   const QString &authorUrl);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *shortNameEdit() const { return m_shortName; }
    QLineEdit *authorNameEdit() const { return m_authorName; }
    QLineEdit *authorUrlEdit() const { return m_authorUrl; }
    QLineEdit *tokenEdit() const { return m_token; }

private:
    void updateOk();

    Mode m_mode;
    QLineEdit *m_name;
    QLineEdit *m_shortName;
    QLineEdit *m_authorName;
    QLineEdit *m_authorUrl;
    QLineEdit *m_token;
    QPushButton *m_ok = nullptr;
};

} // namespace tg
