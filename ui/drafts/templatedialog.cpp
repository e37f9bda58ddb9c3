// SPDX-License-Identifier: MIT
#include "drafts/templatedialog.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace tg {

TemplateDialog::TemplateDialog(const TemplateStore *templates, QWidget *parent)
    : QDialog(parent)
    , m_templates(templates)
    , m_list(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New from Template"));
    setObjectName(QStringLiteral("templateDialog"));
    resize(860, 540);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_description->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("templateError"));
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_description);
    sideLayout->addWidget(m_preview, 1);
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(side);
    split->setStretchFactor(1, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create Draft"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    m_rename = buttons->addButton(tr("&Rename…"), QDialogButtonBox::ActionRole);
    m_delete = buttons->addButton(tr("&Delete"), QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this] {
        const std::optional<DraftTemplate> t = selected();
        if (!t)
            return;
        Q_EMIT templateChosen(*t);
        accept();
    });
    connect(m_list, &QListWidget::itemActivated, m_create, &QPushButton::click);
    connect(m_rename, &QPushButton::clicked, this, &TemplateDialog::askRename);
    connect(m_delete, &QPushButton::clicked, this, &TemplateDialog::askDelete);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplateDialog::showSelected);
    reload();
    m_list->setFocus();
}

void TemplateDialog::reload(const QString &selectId)
{
    m_items = m_templates->templates();
    m_list->clear();
    int row = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        const DraftTemplate &t = m_items[i];
        auto *item = new QListWidgetItem(t.builtIn ? tr("%1 (built-in)").arg(t.name) : t.name);
        item->setData(Qt::UserRole, t.id);
        item->setToolTip(t.description);
        m_list->addItem(item);
        if (t.id == selectId)
            row = i;
    }
    if (!m_items.isEmpty())
        m_list->setCurrentRow(row);
    showSelected();
}

bool TemplateDialog::selectTemplate(const QString &id)
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].id == id) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

std::optional<DraftTemplate> TemplateDialog::selected() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_items.size())
        return std::nullopt;
    return m_items[row];
}

void TemplateDialog::showSelected()
{
    const std::optional<DraftTemplate> t = selected();
    m_create->setEnabled(t.has_value());
    m_rename->setEnabled(t && !t->builtIn);
    m_delete->setEnabled(t && !t->builtIn);
    if (!t) {
        m_description->clear();
        m_preview->clear();
        return;
    }
    QString about = t->builtIn ? t->description : tr("One of your templates.");
    if (!t->title.isEmpty())
        about += QLatin1Char(' ') + tr("Title: %1").arg(t->title);
    about += QLatin1Char(' ') +
             (t->format == DraftFormat::Html ? tr("Written in HTML.") : tr("Written in Markdown."));
    m_description->setText(about);
    m_preview->setPlainText(t->body);
}

void TemplateDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString TemplateDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

bool TemplateDialog::renameSelected(const QString &name)
{
    const std::optional<DraftTemplate> t = selected();
    if (!t)
        return false;
    QString error;
    if (!m_templates->rename(t->id, name, &error)) {
        showError(error);
        return false;
    }
    showError({});
    reload(t->id);
    return true;
}

bool TemplateDialog::deleteSelected()
{
    const std::optional<DraftTemplate> t = selected();
    if (!t)
        return false;
    QString error;
    if (!m_templates->remove(t->id, &error)) {
        showError(error);
        return false;
    }
    showError({});
    reload();
    return true;
}

void TemplateDialog::askRename()
{
    const std::optional<DraftTemplate> t = selected();
    if (!t || t->builtIn)
        return;
    auto *ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("templateRenameDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Rename Template"));
    ask->setLabelText(tr("New name of the template:"));
    ask->setTextValue(t->name);
    connect(ask, &QInputDialog::textValueSelected, this,
            [this](const QString &name) { renameSelected(name); });
    ask->open();
}

void TemplateDialog::askDelete()
{
    const std::optional<DraftTemplate> t = selected();
    if (!t || t->builtIn)
        return;
    auto *ask =
        new QMessageBox(QMessageBox::Question, tr("Delete Template"),
                        tr("Delete the template “%1”? Drafts made from it stay.").arg(t->name),
                        QMessageBox::Yes | QMessageBox::No, this);
    ask->setObjectName(QStringLiteral("templateDeleteDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::buttonClicked, this, [this, ask](QAbstractButton *button) {
        if (button == ask->button(QMessageBox::Yes))
            deleteSelected();
    });
    ask->open();
}

} // namespace tg
