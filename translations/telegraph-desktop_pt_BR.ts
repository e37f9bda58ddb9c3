<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>there is no such page</source>
        <translation>essa página não existe</translation>
    </message>
    <message>
        <source>the account&apos;s access token is not valid (revoked, or for another server)</source>
        <translation>o token de acesso da conta não é válido (revogado ou de outro servidor)</translation>
    </message>
    <message>
        <source>the page belongs to another account</source>
        <translation>a página pertence a outra conta</translation>
    </message>
    <message>
        <source>the content is over Telegraph&apos;s 64 KiB limit</source>
        <translation>o conteúdo ultrapassa o limite de 64 KiB do Telegraph</translation>
    </message>
    <message>
        <source>Telegraph could not save the page (PAGE_SAVE_FAILED); try again in a moment</source>
        <translation>O Telegraph não conseguiu salvar a página (PAGE_SAVE_FAILED); tente novamente em instantes</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>o servidor recusou: %1</translation>
    </message>
    <message>
        <source>the server could not be reached (%1); nothing was changed and you can try again later</source>
        <translation>não foi possível acessar o servidor (%1); nada foi alterado e você pode tentar novamente mais tarde</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before the next change</source>
        <translation>
            <numerusform>O Telegraph pede para aguardar %n segundo antes da próxima alteração</numerusform>
            <numerusform>O Telegraph pede para aguardar %n segundos antes da próxima alteração</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>tg::AboutDialog</name>
    <message>
        <source>About Telegraph Desktop</source>
        <translation>Sobre o Telegraph Desktop</translation>
    </message>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versão %1</translation>
    </message>
    <message>
        <source>Write, preview and publish pages on Telegraph.</source>
        <translation>Escreva, visualize e publique páginas no Telegraph.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Software livre sob a licença MIT.</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>Página do projeto</translation>
    </message>
    <message>
        <source>README and user guide</source>
        <translation>README e guia do usuário</translation>
    </message>
</context>
<context>
    <name>tg::AccountDialog</name>
    <message>
        <source>New Telegraph Account</source>
        <translation>Nova conta do Telegraph</translation>
    </message>
    <message>
        <source>Import Account</source>
        <translation>Importar conta</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Editar conta</translation>
    </message>
    <message>
        <source>e.g. blog (letters, digits, . _ -)</source>
        <translation>ex.: blog (letras, dígitos, . _ -)</translation>
    </message>
    <message>
        <source>&amp;Name in this app:</source>
        <translation>&amp;Nome neste app:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Token de acesso:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>Nome &amp;curto:</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Nome do &amp;autor:</translation>
    </message>
    <message>
        <source>Author &amp;URL:</source>
        <translation>&amp;URL do autor:</translation>
    </message>
</context>
<context>
    <name>tg::AccountManager</name>
    <message>
        <source>Another account operation is still running; try again when it is done.</source>
        <translation>Outra operação de conta ainda está em andamento; tente quando terminar.</translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation>Escolha outro nome: %1 já está em uso ou não é permitido.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Não há nenhuma conta chamada %1.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation>Não foi possível ler o token de %1: %2</translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation>A conta foi criada, mas não foi possível salvar o token: %1</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>Não foi possível salvar o token: %1</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>Não foi possível criar a conta: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Conta %1 criada.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s access token.</source>
        <translation>Digite o token de acesso da conta.</translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation>O token não foi aceito: %1</translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation>Conta %1 importada.</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Escolha primeiro uma conta.</translation>
    </message>
    <message>
        <source>The account could not be changed: %1</source>
        <translation>Não foi possível alterar a conta: %1</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>Conta %1 alterada.</translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation>Sem link de login: %1</translation>
    </message>
    <message>
        <source>the server sent none</source>
        <translation>o servidor não enviou nenhum</translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation>O link de login foi aberto no navegador (válido por 5 minutos).</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>O token não foi revogado: %1</translation>
    </message>
    <message>
        <source>The token was revoked but the new one could not be saved: %1</source>
        <translation>O token foi revogado, mas não foi possível salvar o novo: %1</translation>
    </message>
    <message>
        <source>The token of %1 was revoked and replaced.</source>
        <translation>O token de %1 foi revogado e substituído.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>Não foi possível remover %1: %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 foi removida deste computador.</translation>
    </message>
    <message>
        <source>The account changed before its details arrived.</source>
        <translation>A conta mudou antes de os detalhes chegarem.</translation>
    </message>
</context>
<context>
    <name>tg::AccountPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nova…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Log in on telegra.ph</source>
        <translation>&amp;Entrar no telegra.ph</translation>
    </message>
    <message>
        <source>&amp;Revoke Token…</source>
        <translation>&amp;Revogar token…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;mover</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Contas</translation>
    </message>
    <message>
        <source>Opens a one-time login link (valid for 5 minutes) in the browser</source>
        <translation>Abre no navegador um link de login de uso único (válido por 5 minutos)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — offline or refused: %2</source>
        <translation>%1 — offline ou recusado: %2</translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation>Revogar o token de acesso de %1? Todos os outros apps ou dispositivos que o usam perderão o acesso; este app continua funcionando com o novo token.</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation>Remover %1 deste computador? A conta e as páginas continuam no Telegraph; sem o token, você não poderá editá-las daqui.</translation>
    </message>
    <message>
        <source>Saved accounts</source>
        <translation>Contas salvas</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %n página</numerusform>
            <numerusform>%1 — %n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of the local sandbox cannot log in on telegra.ph</source>
        <translation>Contas do sandbox local não podem entrar no telegra.ph</translation>
    </message>
</context>
<context>
    <name>tg::AccountSetup</name>
    <message>
        <source>Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.</source>
        <translation>As contas não podem ser salvas (%1). Reinicie o aplicativo para escolher onde guardar os tokens.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Conta: %1</translation>
    </message>
    <message>
        <source>Some secrets are still in the settings file: %1</source>
        <translation>Alguns segredos ainda estão no arquivo de configurações: %1</translation>
    </message>
</context>
<context>
    <name>tg::AccountStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (not a JSON object)</source>
        <translation>%1 está danificado (não é um objeto JSON)</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Não é possível criar %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>&apos;%1&apos; não é um nome de conta válido (letras, dígitos, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
</context>
<context>
    <name>tg::AccountWorkspace</name>
    <message>
        <source>The page list cache %1 cannot be used: %2</source>
        <translation>O cache da lista de páginas %1 não pode ser usado: %2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Contas</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estatísticas</translation>
    </message>
    <message>
        <source>&amp;Refresh Page List</source>
        <translation>&amp;Atualizar a lista de páginas</translation>
    </message>
    <message>
        <source>&amp;Cancel Refresh</source>
        <translation>&amp;Cancelar a atualização</translation>
    </message>
    <message>
        <source>&amp;Back Up Account…</source>
        <translation>&amp;Backup da conta…</translation>
    </message>
    <message>
        <source>No Telegraph account yet: create one or import yours by its access token in the Accounts panel.</source>
        <translation>Ainda não há conta do Telegraph: crie uma ou importe a sua pelo token de acesso no painel Contas.</translation>
    </message>
    <message>
        <source>Another page is being changed; try again when it is done.</source>
        <translation>Outra página está sendo alterada; tente quando terminar.</translation>
    </message>
    <message>
        <source>Choose an account to back up first.</source>
        <translation>Escolha primeiro uma conta para o backup.</translation>
    </message>
    <message>
        <source>Telegraph backup of %1</source>
        <translation>Backup do Telegraph de %1</translation>
    </message>
</context>
<context>
    <name>tg::ApiJob</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>tg::BackupDialog</name>
    <message>
        <source>Choose a folder for the backup.</source>
        <translation>Escolha uma pasta para o backup.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 é um arquivo, não uma pasta.</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2 is not a folder.</source>
        <translation>Não é possível criar %1: %2 não é uma pasta.</translation>
    </message>
    <message>
        <source>%1 cannot be created (no permission?).</source>
        <translation>Não é possível criar %1 (sem permissão?).</translation>
    </message>
    <message>
        <source>%1 is not writable.</source>
        <translation>Não é possível gravar em %1.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Esco&amp;lher…</translation>
    </message>
    <message>
        <source>&amp;Start Backup</source>
        <translation>&amp;Iniciar backup</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Abrir pasta</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <source>Back Up Account %1</source>
        <translation>Backup da conta %1</translation>
    </message>
    <message>
        <source>Saves every page of %1 into the folder: Markdown (HTML where Markdown would lose something) and node JSON per page, an index with titles, links and views, and the list of image links. An interrupted backup resumes where it stopped.</source>
        <translation>Salva todas as páginas de %1 na pasta: Markdown (HTML quando o Markdown perderia algo) e JSON de nós por página, um índice com títulos, links e visualizações e a lista de links de imagens. Um backup interrompido continua de onde parou.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Pasta do backup</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Progresso do backup</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Pasta:</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Pasta do backup</translation>
    </message>
    <message numerus="yes">
        <source>An interrupted backup is in this folder; it will be resumed (%n page(s) already saved).</source>
        <translation>
            <numerusform>Há um backup interrompido nesta pasta; ele será retomado (%n página já salva).</numerusform>
            <numerusform>Há um backup interrompido nesta pasta; ele será retomado (%n páginas já salvas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up; resuming after %1 already saved.</source>
        <translation>
            <numerusform>%n página para o backup; retomando após %1 já salvas.</numerusform>
            <numerusform>%n páginas para o backup; retomando após %1 já salvas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up.</source>
        <translation>
            <numerusform>%n página para o backup.</numerusform>
            <numerusform>%n páginas para o backup.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the page list…</source>
        <translation>Lendo a lista de páginas…</translation>
    </message>
    <message numerus="yes">
        <source>Backup complete: %n page(s)</source>
        <translation>
            <numerusform>Backup concluído: %n página</numerusform>
            <numerusform>Backup concluído: %n páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (resumed: %n already saved before)</source>
        <translation>
            <numerusform> (retomado: %n já estava salva)</numerusform>
            <numerusform> (retomado: %n já estavam salvas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) saved as HTML because Markdown would lose something.</source>
        <translation>
            <numerusform>%n página salva como HTML porque o Markdown perderia algo.</numerusform>
            <numerusform>%n páginas salvas como HTML porque o Markdown perderia algo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped. %n page(s) are saved; Start resumes the backup.</source>
        <translation>
            <numerusform>Parado. %n página está salva; Iniciar retoma o backup.</numerusform>
            <numerusform>Parado. %n páginas estão salvas; Iniciar retoma o backup.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup stopped: %1. What is saved stays; Start resumes it.</source>
        <translation>O backup parou: %1. O que foi salvo fica; Iniciar o retoma.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s) (%2 from the earlier run, %3 as HTML)…</source>
        <translation>
            <numerusform>Salvas %1 de %n página (%2 da execução anterior, %3 como HTML)…</numerusform>
            <numerusform>Salvas %1 de %n páginas (%2 da execução anterior, %3 como HTML)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s)…</source>
        <translation>
            <numerusform>Salvas %1 de %n página…</numerusform>
            <numerusform>Salvas %1 de %n páginas…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::BusyIndicator</name>
    <message>
        <source>Converting</source>
        <translation>Convertendo</translation>
    </message>
</context>
<context>
    <name>tg::CommandUploadHost</name>
    <message>
        <source>No upload command is configured</source>
        <translation>Nenhum comando de upload está configurado</translation>
    </message>
    <message>
        <source>The upload command did not finish within %1 s</source>
        <translation>O comando de upload não terminou em %1 s</translation>
    </message>
    <message>
        <source>Cannot run the upload command %1: %2</source>
        <translation>Não é possível executar o comando de upload %1: %2</translation>
    </message>
    <message>
        <source>The upload command failed (exit code %1)%2</source>
        <translation>O comando de upload falhou (código de saída %1)%2</translation>
    </message>
    <message>
        <source>The upload command printed no URL on its last line (got &apos;%1&apos;)</source>
        <translation>O comando de upload não exibiu nenhuma URL na última linha (recebido: &apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>tg::Connection</name>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation>Uma imagem não foi enviada: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>Não foi possível ler a senha do proxy no chaveiro: %1</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); images go to the Telegraph upload until it is fixed in Settings → Images.</source>
        <translation>O serviço de imagens das configurações não pode ser usado (%1); as imagens vão para o upload do Telegraph até que isso seja corrigido em Configurações → Imagens.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>Não foi possível iniciar o sandbox local: %1</translation>
    </message>
    <message>
        <source>Telegraph Desktop — local sandbox</source>
        <translation>Telegraph Desktop — sandbox local</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s address could not be saved (%1): after a restart its page links and images may not be found.</source>
        <translation>Não foi possível salvar o endereço do sandbox local (%1): após reiniciar, os links das páginas e as imagens dele podem não ser encontrados.</translation>
    </message>
</context>
<context>
    <name>tg::ContentMeter</name>
    <message>
        <source>Content size</source>
        <translation>Tamanho do conteúdo</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>%1 of %2 KiB</source>
        <translation>%1 de %2 KiB</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Linha %1, coluna %2</translation>
    </message>
    <message>
        <source>Ready to publish</source>
        <translation>Pronto para publicar</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erro</numerusform>
            <numerusform>%n erros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to do before publishing</source>
        <translation>
            <numerusform>%n item a resolver antes de publicar</numerusform>
            <numerusform>%n itens a resolver antes de publicar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Telegraph Desktop %1 is available.</source>
        <translation>O Telegraph Desktop %1 está disponível.</translation>
    </message>
    <message>
        <source>Get it from %1</source>
        <translation>Baixe em %1</translation>
    </message>
    <message>
        <source>The update check failed: %1</source>
        <translation>A verificação de atualizações falhou: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1: %2</source>
        <translation>Não é possível criar a pasta de dados %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. Drafts restored as last saved: %n.</source>
        <translation>
            <numerusform>O app não foi fechado normalmente da última vez. Rascunhos restaurados como salvos pela última vez: %n.</numerusform>
            <numerusform>O app não foi fechado normalmente da última vez. Rascunhos restaurados como salvos pela última vez: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DraftFiles</name>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>Não é possível importar %1: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Não é possível exportar para %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftPublishFlow</name>
    <message>
        <source>Publishing</source>
        <translation>Publicação</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Não publicado: %1</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Preparando o conteúdo…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>the text is too long for one page</source>
        <translation>o texto é longo demais para uma página</translation>
    </message>
    <message>
        <source>Updating the page…</source>
        <translation>Atualizando a página…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Publicado: %1</translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation>Não foi possível armazenar a revisão: %1</translation>
    </message>
    <message>
        <source>Creating the page at a private link…</source>
        <translation>Criando a página em um link privado…</translation>
    </message>
    <message>
        <source>Setting the page&apos;s title…</source>
        <translation>Definindo o título da página…</translation>
    </message>
    <message>
        <source>The page was created at a private link, but its title is not set yet: %1. Publish again to set it.</source>
        <translation>A página foi criada em um link privado, mas o título ainda não foi definido: %1. Publique novamente para defini-lo.</translation>
    </message>
</context>
<context>
    <name>tg::DraftsOpener</name>
    <message>
        <source>The drafts database %1 was written by a newer version of Telegraph Desktop and this version cannot open it (%2). The file was left unchanged: use the newer version, or move the file away to start with an empty one.</source>
        <translation>O banco de dados de rascunhos %1 foi gravado por uma versão mais recente do Telegraph Desktop e esta versão não consegue abri-lo (%2). O arquivo não foi alterado: use a versão mais recente ou mova o arquivo para outro lugar para começar com um banco de dados vazio.</translation>
    </message>
    <message>
        <source>The drafts database %1 is damaged and could not be replaced: %2</source>
        <translation>O banco de dados de rascunhos %1 está danificado e não pôde ser substituído: %2</translation>
    </message>
    <message numerus="yes">
        <source>The drafts database was damaged. It was moved to %1; %n draft(s) were recovered from it, with %2 revision(s), into a new database.</source>
        <translation>
            <numerusform>O banco de dados de rascunhos estava danificado. Ele foi movido para %1; %n rascunho foi recuperado dele (revisões: %2) para um novo banco de dados.</numerusform>
            <numerusform>O banco de dados de rascunhos estava danificado. Ele foi movido para %1; %n rascunhos foram recuperados dele (revisões: %2) para um novo banco de dados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged row(s) could not be read.</source>
        <translation>
            <numerusform>%n linha danificada não pôde ser lida.</numerusform>
            <numerusform>%n linhas danificadas não puderam ser lidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation>Não é possível abrir o banco de dados de rascunhos %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftsPanel</name>
    <message>
        <source>Show trash</source>
        <translation>Mostrar lixeira</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Rascunhos</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sem título)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (cópia)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Excluir permanentemente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renomear…</translation>
    </message>
    <message>
        <source>Rename draft</source>
        <translation>Renomear rascunho</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover para a lixeira</translation>
    </message>
</context>
<context>
    <name>tg::EditorPane</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Nome do autor</translation>
    </message>
    <message>
        <source>Author link (https://…)</source>
        <translation>Link do autor (https://…)</translation>
    </message>
    <message>
        <source>Author link</source>
        <translation>Link do autor</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Source format</source>
        <translation>Formato do código-fonte</translation>
    </message>
</context>
<context>
    <name>tg::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a secrets file</source>
        <translation>%1 não é um arquivo de segredos</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não é possível gravar %1: %2</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Nenhum segredo armazenado para %1</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Não é possível criar %1</translation>
    </message>
</context>
<context>
    <name>tg::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Diferenciar maiúsculas/minúsculas</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Localizar</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Substituir por</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Próximo</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Substituir</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Substituir tudo</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Não encontrado</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n substituição</numerusform>
            <numerusform>%n substituições</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::FocusMode</name>
    <message>
        <source>F&amp;ocus Mode</source>
        <translation>Modo &amp;foco</translation>
    </message>
    <message>
        <source>Leave Focus Mode</source>
        <translation>Sair do modo foco</translation>
    </message>
    <message>
        <source>Only the editor, the paragraph being written emphasised</source>
        <translation>Só o editor, com destaque no parágrafo que está sendo escrito</translation>
    </message>
</context>
<context>
    <name>tg::FolderMapping</name>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>é maior que %1 MiB</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>não é um JSON válido (%1 no byte %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>não é um objeto JSON</translation>
    </message>
    <message>
        <source>its &quot;version&quot; is not %1</source>
        <translation>sua &quot;version&quot; não é %1</translation>
    </message>
    <message>
        <source>&quot;pages&quot; is not an object</source>
        <translation>&quot;pages&quot; não é um objeto</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has more than %1 entries</source>
        <translation>&quot;pages&quot; tem mais de %1 entradas</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has an entry that is not a relative file path: &quot;%1&quot;</source>
        <translation>&quot;pages&quot; tem uma entrada que não é um caminho de arquivo relativo: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; is not an object</source>
        <translation>a entrada de &quot;%1&quot; não é um objeto</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;pending&quot; that is not a date</source>
        <translation>a entrada de &quot;%1&quot; tem um &quot;pending&quot; que não é uma data</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;path&quot;</source>
        <translation>a entrada de &quot;%1&quot; não tem um &quot;path&quot; válido</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;url&quot;</source>
        <translation>a entrada de &quot;%1&quot; não tem uma &quot;url&quot; válida</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;hash&quot; that is not a SHA-256</source>
        <translation>a entrada de &quot;%1&quot; tem um &quot;hash&quot; que não é um SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;content&quot; that is not a SHA-256</source>
        <translation>a entrada de &quot;%1&quot; tem um &quot;content&quot; que não é um SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has damaged series parts</source>
        <translation>a entrada de &quot;%1&quot; tem partes de série danificadas</translation>
    </message>
    <message>
        <source>&quot;images&quot; is not an object</source>
        <translation>&quot;images&quot; não é um objeto</translation>
    </message>
    <message>
        <source>&quot;images&quot; has more than %1 entries</source>
        <translation>&quot;images&quot; tem mais de %1 entradas</translation>
    </message>
    <message>
        <source>&quot;images&quot; has an entry that is not a SHA-256 and a URL</source>
        <translation>&quot;images&quot; tem uma entrada que não é um SHA-256 com uma URL</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be read: %2</source>
        <translation>Não é possível ler o arquivo de mapeamento %1: %2</translation>
    </message>
    <message>
        <source>The mapping file %1 is damaged: %2. It was left as it is; repair it or move it away (then every page is created anew).</source>
        <translation>O arquivo de mapeamento %1 está danificado: %2. Ele foi mantido como está; repare-o ou mova-o (então todas as páginas serão criadas de novo).</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be written: %2</source>
        <translation>Não é possível gravar o arquivo de mapeamento %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlan</name>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sem alterações</translation>
    </message>
    <message>
        <source>Too big: series</source>
        <translation>Grande demais: série</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removido</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorado</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlanner</name>
    <message>
        <source>There is no folder %1.</source>
        <translation>Não existe a pasta %1.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 não é uma pasta.</translation>
    </message>
    <message>
        <source>Only the first %1 entries of the folder were looked at.</source>
        <translation>Apenas as primeiras %1 entradas da pasta foram examinadas.</translation>
    </message>
    <message>
        <source>%1: a link to a folder, not followed.</source>
        <translation>%1: um link para uma pasta, não seguido.</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 folders, not read.</source>
        <translation>%1: aninhado a mais de %2 pastas de profundidade, não lido.</translation>
    </message>
    <message>
        <source>%1: a folder name that cannot be published, not read.</source>
        <translation>%1: um nome de pasta que não pode ser publicado, não lido.</translation>
    </message>
    <message>
        <source>the name has characters that cannot be published</source>
        <translation>o nome tem caracteres que não podem ser publicados</translation>
    </message>
    <message>
        <source>a link to a file outside the folder</source>
        <translation>um link para um arquivo fora da pasta</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>não é um arquivo comum</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>maior que %1 MiB</translation>
    </message>
    <message numerus="yes">
        <source>more than %n file(s) in the folder</source>
        <translation>
            <numerusform>mais de %n arquivo na pasta</numerusform>
            <numerusform>mais de %n arquivos na pasta</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder&apos;s files exceed %1 MiB together</source>
        <translation>os arquivos da pasta passam de %1 MiB juntos</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>não pode ser lido: %1</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>não é texto UTF-8</translation>
    </message>
    <message>
        <source>%1: the link to %2 leads to no file of the folder.</source>
        <translation>%1: o link para %2 não leva a nenhum arquivo da pasta.</translation>
    </message>
    <message>
        <source>%1: the image %2 is not a file of the folder.</source>
        <translation>%1: a imagem %2 não é um arquivo da pasta.</translation>
    </message>
    <message>
        <source>%1: the image %2 is larger than %3 MiB.</source>
        <translation>%1: a imagem %2 é maior que %3 MiB.</translation>
    </message>
    <message>
        <source>%1: the image %2 cannot be read.</source>
        <translation>%1: não é possível ler a imagem %2.</translation>
    </message>
    <message>
        <source>an interrupted run may have made its page</source>
        <translation>uma execução interrompida pode ter criado a página</translation>
    </message>
    <message>
        <source>republished on request</source>
        <translation>republicado a pedido</translation>
    </message>
    <message>
        <source>the file changed</source>
        <translation>o arquivo mudou</translation>
    </message>
    <message>
        <source>its links or images changed</source>
        <translation>seus links ou imagens mudaram</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>o arquivo não existe mais</translation>
    </message>
</context>
<context>
    <name>tg::FolderPublisher</name>
    <message>
        <source>Publishing the folder</source>
        <translation>Publicando a pasta</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>Lendo a conta…</translation>
    </message>
    <message>
        <source>Looking for pages of an interrupted run…</source>
        <translation>Procurando páginas de uma execução interrompida…</translation>
    </message>
    <message>
        <source>%1 needs uploading, but no image host is set up</source>
        <translation>%1 precisa ser enviado, mas nenhum serviço de imagens está configurado</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Enviando %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating the page of %1…</source>
        <translation>Criando a página de %1…</translation>
    </message>
    <message>
        <source>This series is being published.</source>
        <translation>Esta série está sendo publicada.</translation>
    </message>
    <message>
        <source>Updating the page of %1…</source>
        <translation>Atualizando a página de %1…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Esta parte da série está sendo publicada.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2 of %3…</source>
        <translation>Criando a parte %1 de %2 de %3…</translation>
    </message>
    <message>
        <source>Publishing the contents page of %1…</source>
        <translation>Publicando a página de índice de %1…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2 of %3…</source>
        <translation>Ligando a parte %1 de %2 de %3…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Esta parte não está mais na série.</translation>
    </message>
    <message>
        <source>Marking the page of %1 as removed…</source>
        <translation>Marcando a página de %1 como removida…</translation>
    </message>
    <message>
        <source>This page was removed; its file is no longer published.</source>
        <translation>Esta página foi removida; seu arquivo não é mais publicado.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>The folder was not fully published: %1</source>
        <translation>A pasta não foi publicada por completo: %1</translation>
    </message>
    <message>
        <source>Folder published: %1 created, %2 updated, %3 unchanged.</source>
        <translation>Pasta publicada: %1 criadas, %2 atualizadas, %3 sem alterações.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be published: %1</source>
        <translation>
            <numerusform>%n arquivo não pôde ser publicado: %1</numerusform>
            <numerusform>%n arquivos não puderam ser publicados: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::HtmlDecode</name>
    <message>
        <source>Some bytes are not valid %1 and were replaced with �.</source>
        <translation>Alguns bytes não são válidos em %1 e foram substituídos por �.</translation>
    </message>
    <message>
        <source>The content type names the unknown encoding “%1”; it was ignored.</source>
        <translation>O tipo de conteúdo indica a codificação desconhecida “%1”; ela foi ignorada.</translation>
    </message>
    <message>
        <source>The document declares the unknown encoding “%1”; it was read as UTF-8 if valid, else as windows-1252.</source>
        <translation>O documento declara a codificação desconhecida “%1”; ele foi lido como UTF-8, se válido, ou então como windows-1252.</translation>
    </message>
    <message>
        <source>The document names no encoding and is not valid UTF-8; it was read as %1.</source>
        <translation>O documento não indica nenhuma codificação e não é UTF-8 válido; ele foi lido como %1.</translation>
    </message>
</context>
<context>
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation>uma resposta de upload</translation>
    </message>
    <message>
        <source>The image host&apos;s address cannot be used: %1 (keys and images would be sent in clear text)</source>
        <translation>O endereço do servidor de imagens não pode ser usado: %1 (chaves e imagens seriam enviadas sem criptografia)</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available yet</source>
        <translation>A chave do servidor de imagens fica no chaveiro, que ainda não está disponível</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available</source>
        <translation>A chave do servidor de imagens fica no chaveiro, que não está disponível</translation>
    </message>
    <message>
        <source>The value of %1 for the image host could not be read from the %2: %3</source>
        <translation>Não foi possível ler o valor de %1 do servidor de imagens (armazenamento: %2): %3</translation>
    </message>
    <message>
        <source>The stored value of %1 for the image host has a line break</source>
        <translation>O valor armazenado de %1 do servidor de imagens contém uma quebra de linha</translation>
    </message>
    <message>
        <source>%1 refused the upload (HTTP %2)%3</source>
        <translation>%1 recusou o upload (HTTP %2)%3</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page (HTTP %2) instead of the image URL</source>
        <translation>%1 respondeu com uma página HTML (HTTP %2) em vez da URL da imagem</translation>
    </message>
    <message>
        <source>%1 sent an empty answer (HTTP %2) instead of the image URL</source>
        <translation>%1 enviou uma resposta vazia (HTTP %2) em vez da URL da imagem</translation>
    </message>
    <message>
        <source>The answer of %1 has no URL at “%2”: %3</source>
        <translation>A resposta de %1 não tem URL em “%2”: %3</translation>
    </message>
    <message>
        <source>%1 answered with text, not the JSON where the URL is expected at “%2”: %3</source>
        <translation>%1 respondeu com texto, e não com o JSON em que a URL é esperada em “%2”: %3</translation>
    </message>
    <message>
        <source>%1 answered with something that is not an image URL: %2</source>
        <translation>%1 respondeu com algo que não é uma URL de imagem: %2</translation>
    </message>
</context>
<context>
    <name>tg::ImageDropHandler</name>
    <message>
        <source>Retry Image Uploads</source>
        <translation>Tentar novamente os uploads de imagens</translation>
    </message>
    <message>
        <source>Insert Image by URL…</source>
        <translation>Inserir imagem por URL…</translation>
    </message>
    <message>
        <source>Uploading %1… %2%</source>
        <translation>Enviando %1… %2%</translation>
    </message>
    <message>
        <source>Uploading pasted image… %1%</source>
        <translation>Enviando imagem colada… %1%</translation>
    </message>
    <message>
        <source>Insert Image by URL</source>
        <translation>Inserir imagem por URL</translation>
    </message>
    <message>
        <source>Image URL (https://…):</source>
        <translation>URL da imagem (https://…):</translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation>%1 não é um endereço http ou https.</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>Falha no upload: %1</translation>
    </message>
</context>
<context>
    <name>tg::ImageHost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>arquivo inexistente</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>não é possível ler: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
    <message>
        <source>%1 is larger than the host&apos;s limit of %2</source>
        <translation>%1 excede o limite de %2 do servidor</translation>
    </message>
    <message>
        <source>not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)</source>
        <translation>não é um arquivo JPEG, PNG, GIF, WebP ou MP4 (verificado pelo conteúdo)</translation>
    </message>
    <message>
        <source>this host does not accept %1 (accepted: %2)</source>
        <translation>este servidor não aceita %1 (aceitos: %2)</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostConfig</name>
    <message>
        <source>The upload URL must be a full address starting with http:// or https://.</source>
        <translation>A URL de upload deve ser um endereço completo começando com http:// ou https://.</translation>
    </message>
    <message>
        <source>The name of the file field is empty.</source>
        <translation>O nome do campo do arquivo está vazio.</translation>
    </message>
    <message>
        <source>The header line “%1” is not “Name: value”.</source>
        <translation>A linha de cabeçalho “%1” não está no formato “Nome: valor”.</translation>
    </message>
    <message>
        <source>The form field line “%1” is not “name=value”.</source>
        <translation>A linha de campo do formulário “%1” não está no formato “nome=valor”.</translation>
    </message>
    <message>
        <source>The upload command is empty.</source>
        <translation>O comando de upload está vazio.</translation>
    </message>
    <message>
        <source>The command “%1” was not found or cannot be run.</source>
        <translation>O comando “%1” não foi encontrado ou não pode ser executado.</translation>
    </message>
    <message>
        <source>The upload URL must start with https:// (plain http:// only for this computer: localhost or 127.0.0.1), so keys and images are not sent in clear text.</source>
        <translation>A URL de upload deve começar com https:// (http:// simples só para este computador: localhost ou 127.0.0.1), para que chaves e imagens não sejam enviadas sem criptografia.</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPreset</name>
    <message>
        <source>Free, no account needed; files stay until removed. Put your catbox.moe user hash after userhash= to find the uploads in your account (kept in the keychain).</source>
        <translation>Gratuito, sem necessidade de conta; os arquivos ficam até serem removidos. Coloque seu user hash do catbox.moe depois de userhash= para encontrar os uploads na sua conta (guardado no chaveiro).</translation>
    </message>
    <message>
        <source>Needs a free API key from api.imgbb.com: put it after key= (it is kept in the keychain and sent in the form, not in the address). Chevereto sites answer alike.</source>
        <translation>Requer uma chave de API gratuita de api.imgbb.com: coloque-a depois de key= (ela fica no chaveiro e é enviada no formulário, não no endereço). Sites Chevereto respondem da mesma forma.</translation>
    </message>
    <message>
        <source>No account needed; files expire after a time that depends on their size.</source>
        <translation>Sem necessidade de conta; os arquivos expiram após um tempo que depende do tamanho deles.</translation>
    </message>
    <message>
        <source>%1 needs a value for the form field “%2”: %3</source>
        <translation>%1 precisa de um valor para o campo do formulário “%2”: %3</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPresetBox</name>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>Image host preset</source>
        <translation>Predefinição do servidor de imagens</translation>
    </message>
</context>
<context>
    <name>tg::ImageUploadQueue</name>
    <message>
        <source>%1 cannot be uploaded: %2</source>
        <translation>Não é possível enviar %1: %2</translation>
    </message>
    <message>
        <source>No image host is set up.</source>
        <translation>Nenhum servidor de imagens está configurado.</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>Não foi possível ler a imagem colada.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>Não foi possível salvar a imagem colada em %1.</translation>
    </message>
</context>
<context>
    <name>tg::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this system (%1)</source>
        <translation>Nenhum chaveiro disponível neste sistema (%1)</translation>
    </message>
</context>
<context>
    <name>tg::LayoutMode</name>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Escrever</translation>
    </message>
    <message>
        <source>Write: the editor and the preview, with the drafts</source>
        <translation>Escrever: o editor e a pré-visualização, com os rascunhos</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Biblioteca</translation>
    </message>
    <message>
        <source>Library: the pages, their statistics and the accounts</source>
        <translation>Biblioteca: as páginas, suas estatísticas e as contas</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Redefinir o layout</translation>
    </message>
</context>
<context>
    <name>tg::LinkOpener</name>
    <message>
        <source>Cannot Open Link</source>
        <translation>Não é possível abrir o link</translation>
    </message>
    <message>
        <source>No web browser could be started to open this link:
%1</source>
        <translation>Nenhum navegador pôde ser iniciado para abrir este link:
%1</translation>
    </message>
    <message>
        <source>Copy the link and open it in a browser yourself.</source>
        <translation>Copie o link e abra-o você mesmo em um navegador.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copiar link</translation>
    </message>
</context>
<context>
    <name>tg::MainWindow</name>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Rascunhos</translation>
    </message>
    <message>
        <source>Pasted as clean Telegraph content.</source>
        <translation>Colado como conteúdo limpo do Telegraph.</translation>
    </message>
    <message>
        <source>Pasted; the import changed: %1</source>
        <translation>Colado; a importação alterou: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Novo rascunho</translation>
    </message>
    <message>
        <source>&amp;Open page…</source>
        <translation>&amp;Abrir página…</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Abrir página</translation>
    </message>
    <message>
        <source>Page URL or path:</source>
        <translation>URL ou caminho da página:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Rascunho salvo.</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Importar arquivo…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Publish / update</source>
        <translation>&amp;Publicar / atualizar</translation>
    </message>
    <message>
        <source>&amp;Revisions…</source>
        <translation>&amp;Revisões…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Confi&amp;gurações…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Localizar…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>Localizar e &amp;substituir…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Localizar &amp;próximo</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormatar</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Negrito</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Itálico</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation>&amp;Subtítulo</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Citação</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>Li&amp;sta</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Código</translation>
    </message>
    <message>
        <source>Code &amp;block</source>
        <translation>&amp;Bloco de código</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Visualização</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reduzir</translation>
    </message>
    <message>
        <source>&amp;Dark preview</source>
        <translation>Visualização &amp;escura</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)</source>
        <translation>Markdown ou HTML (*.md *.markdown *.txt *.html *.htm);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;Nós do Telegraph (*.json)</translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation>Publicar &amp;como série</translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation>O HTML foi adaptado ao que o Telegraph aceita: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Conta</translation>
    </message>
    <message>
        <source>Converting the pasted content…</source>
        <translation>Convertendo o conteúdo colado…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>The pasted text looks like Markdown, but this draft is written in HTML: its marks show as typed.</source>
        <translation>O texto colado parece Markdown, mas este rascunho está escrito em HTML: as marcações aparecem como foram digitadas.</translation>
    </message>
    <message>
        <source>Switch to Markdown</source>
        <translation>Mudar para Markdown</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox</source>
        <translation>&amp;Publicar no sandbox local</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox as %1</source>
        <translation>&amp;Publicar no sandbox local como %1</translation>
    </message>
    <message>
        <source>&amp;Publish as %1</source>
        <translation>&amp;Publicar como %1</translation>
    </message>
    <message>
        <source>Images cannot be uploaded: no image host is set up.</source>
        <translation>Não é possível enviar imagens: nenhum servidor de imagens está configurado.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. The text is kept in the app; use File → Export… to save it elsewhere.</source>
        <translation>Não foi possível gravar %1: %2. O texto é mantido no app; use Arquivo → Exportar… para salvá-lo em outro lugar.</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 não existe mais; foi removido dos arquivos recentes.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Nenhum arquivo recente</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Limpar lista</translation>
    </message>
    <message>
        <source>Recent &amp;Files</source>
        <translation>Arquivos recen&amp;tes</translation>
    </message>
    <message>
        <source>Draft saved to %1.</source>
        <translation>Rascunho salvo em %1.</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>Inserir i&amp;magem…</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Inserir imagem</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Imagens (*.png *.jpg *.jpeg *.gif *.webp);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Recor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;olar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Selecionar t&amp;udo</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Tela cheia</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guia do usuário</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Telegraph Desktop</source>
        <translation>&amp;Sobre o Telegraph Desktop</translation>
    </message>
    <message>
        <source>Publishing a folder needs a server: choose one first.</source>
        <translation>Publicar uma pasta precisa de um servidor: escolha um primeiro.</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); local images of the folder cannot be uploaded until it is fixed in Settings → Images.</source>
        <translation>O serviço de imagens das configurações não pode ser usado (%1); as imagens locais da pasta não podem ser enviadas até que seja corrigido em Configurações → Imagens.</translation>
    </message>
    <message>
        <source>Publish Fol&amp;der…</source>
        <translation>Publicar &amp;pasta…</translation>
    </message>
    <message>
        <source>Find &amp;Everywhere…</source>
        <translation>Buscar em &amp;tudo…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Novo a partir de mo&amp;delo…</translation>
    </message>
    <message>
        <source>Save Draft as Te&amp;mplate…</source>
        <translation>Salvar rascunho como mode&amp;lo…</translation>
    </message>
    <message>
        <source>Set &amp;Word Goal…</source>
        <translation>Definir &amp;meta de palavras…</translation>
    </message>
</context>
<context>
    <name>tg::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Nenhum segredo armazenado para %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageArea</name>
    <message>
        <source>Cancel: %1</source>
        <translation>Cancelar: %1</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: going on in %n second(s). You can keep writing.</source>
        <translation>
            <numerusform>O Telegraph pede para aguardar: continuação em %n segundo. Você pode continuar escrevendo.</numerusform>
            <numerusform>O Telegraph pede para aguardar: continuação em %n segundos. Você pode continuar escrevendo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Não publicado: %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageLine</name>
    <message>
        <source>Copy link</source>
        <translation>Copiar link</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Abrir no navegador</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Dispensar a mensagem</translation>
    </message>
    <message>
        <source>Act on the message</source>
        <translation>Ação da mensagem</translation>
    </message>
</context>
<context>
    <name>tg::OpenRequest</name>
    <message>
        <source>The file does not exist.</source>
        <translation>O arquivo não existe.</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>Isto não é um arquivo.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Não é possível ler o arquivo.</translation>
    </message>
    <message>
        <source>Only pages on telegra.ph, graph.org and te.legra.ph can be opened.</source>
        <translation>Somente páginas em telegra.ph, graph.org e te.legra.ph podem ser abertas.</translation>
    </message>
    <message>
        <source>This address does not point to a page.</source>
        <translation>Este endereço não aponta para uma página.</translation>
    </message>
    <message>
        <source>Nothing to open.</source>
        <translation>Nada para abrir.</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>O endereço não é válido.</translation>
    </message>
    <message>
        <source>Files on other computers cannot be opened.</source>
        <translation>Arquivos em outros computadores não podem ser abertos.</translation>
    </message>
    <message>
        <source>This kind of address cannot be opened.</source>
        <translation>Este tipo de endereço não pode ser aberto.</translation>
    </message>
    <message>
        <source>Only Markdown (.md, .markdown) and HTML (.html, .htm) files can be opened.</source>
        <translation>Somente arquivos Markdown (.md, .markdown) e HTML (.html, .htm) podem ser abertos.</translation>
    </message>
</context>
<context>
    <name>tg::PageFetchFlow</name>
    <message>
        <source>Opening a page</source>
        <translation>Abertura de uma página</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abrindo %1…</translation>
    </message>
    <message>
        <source>Opened %1 as Markdown.</source>
        <translation>%1 aberta como Markdown.</translation>
    </message>
    <message>
        <source>Opened %1 as HTML: Markdown would lose something (%2).</source>
        <translation>%1 aberta como HTML: o Markdown perderia algo (%2).</translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation>Não foi possível abrir a página: %1</translation>
    </message>
</context>
<context>
    <name>tg::PageListModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Caminho</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Visualizações</translation>
    </message>
    <message>
        <source>#</source>
        <comment>created order</comment>
        <translation>#</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
</context>
<context>
    <name>tg::PageListWalker</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>tg::PageListWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation>Abrir no &amp;editor</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Abrir no &amp;navegador</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copiar URL</translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation>&amp;Despublicar…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar C&amp;SV…</translation>
    </message>
    <message>
        <source>Filter by title, path or description</source>
        <translation>Filtrar por título, caminho ou descrição</translation>
    </message>
    <message>
        <source>Export Pages</source>
        <translation>Exportar páginas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Atualizando…</translation>
    </message>
    <message>
        <source>Refresh cancelled.</source>
        <translation>Atualização cancelada.</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Falha na atualização: %1</translation>
    </message>
    <message>
        <source>Filter pages</source>
        <translation>Filtrar páginas</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Page list refresh progress</source>
        <translation>Progresso da atualização da lista</translation>
    </message>
</context>
<context>
    <name>tg::PersonalDictionary</name>
    <message>
        <source>The spelling dictionary %1 cannot be read: %2</source>
        <translation>Não é possível ler o dicionário ortográfico %1: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be added to the spelling dictionary: it is not a word.</source>
        <translation>Não é possível adicionar “%1” ao dicionário ortográfico: não é uma palavra.</translation>
    </message>
    <message>
        <source>The spelling dictionary is full (%1 words); “%2” was not added.</source>
        <translation>O dicionário ortográfico está cheio (%1 palavras); a palavra “%2” não foi adicionada.</translation>
    </message>
    <message>
        <source>“%1” could not be added to the spelling dictionary %2: %3</source>
        <translation>Não foi possível adicionar “%1” ao dicionário ortográfico %2: %3</translation>
    </message>
    <message>
        <source>the file is full</source>
        <translation>o arquivo está cheio</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPane</name>
    <message>
        <source>The preview module is not installed (looked for %1).</source>
        <translation>O módulo de visualização não está instalado (procurado em %1).</translation>
    </message>
    <message>
        <source>The preview module is of another version than the app.</source>
        <translation>O módulo de visualização é de uma versão diferente da do app.</translation>
    </message>
    <message>
        <source>The preview starts in a moment…</source>
        <translation>A visualização começa em instantes…</translation>
    </message>
    <message>
        <source>The preview could not start.
%1</source>
        <translation>Não foi possível iniciar a visualização.
%1</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPrivacy</name>
    <message>
        <source>Load &amp;Remote Images in Preview</source>
        <translation>Carregar &amp;imagens remotas na visualização</translation>
    </message>
    <message>
        <source>Whether this draft&apos;s preview fetches images from the web while you write; the choice is kept with the draft.</source>
        <translation>Define se a visualização deste rascunho busca imagens da web enquanto você escreve; a escolha fica guardada com o rascunho.</translation>
    </message>
</context>
<context>
    <name>tg::PreviewView</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Remote image not loaded:</source>
        <translation>Imagem remota não carregada:</translation>
    </message>
</context>
<context>
    <name>tg::PrivateLinkOption</name>
    <message>
        <source>Private &amp;Link on First Publish</source>
        <translation>Lin&amp;k privado na primeira publicação</translation>
    </message>
    <message>
        <source>Publish the page under a random title first, so that its link cannot be guessed from its title; the real title is set right after.</source>
        <translation>Publicar a página primeiro com um título aleatório, para que o link não possa ser adivinhado pelo título; o título real é definido logo em seguida.</translation>
    </message>
    <message>
        <source>Private link</source>
        <translation>Link privado</translation>
    </message>
</context>
<context>
    <name>tg::PublishController</name>
    <message>
        <source>No server is configured: choose one in the settings.</source>
        <translation>Nenhum servidor configurado: escolha um nas configurações.</translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation>A publicação já está em andamento.</translation>
    </message>
    <message>
        <source>Not published: an image is still uploading or failed to upload. Wait for it, retry it or remove it.</source>
        <translation>Não publicado: uma imagem ainda está sendo enviada ou falhou no upload. Aguarde, tente novamente ou remova-a.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>This text is too long for one page. Publish it as a series: parts split at headings, linked to each other, with a contents page?</source>
        <translation>Este texto é longo demais para uma página. Publicá-lo como série: partes divididas nos títulos, ligadas entre si, com uma página de sumário?</translation>
    </message>
    <message>
        <source>A page is being opened already.</source>
        <translation>Uma página já está sendo aberta.</translation>
    </message>
    <message>
        <source>Opened your draft of %1.</source>
        <translation>Seu rascunho de %1 foi aberto.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(sem texto)</translation>
    </message>
    <message numerus="yes">
        <source>Not published yet: %n link(s) have no address: %1. Fill it in, or publish them as they are.</source>
        <translation>
            <numerusform>Ainda não publicado: %n link está sem endereço: %1. Preencha-o ou publique-o como está.</numerusform>
            <numerusform>Ainda não publicado: %n links estão sem endereço: %1. Preencha-os ou publique-os como estão.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation>Publicar mesmo assim</translation>
    </message>
</context>
<context>
    <name>tg::PublishFlow</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Interrompido: %1</translation>
    </message>
</context>
<context>
    <name>tg::PublishFolderDialog</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Escolher…</translation>
    </message>
    <message>
        <source>&amp;Republish every page, even unchanged ones</source>
        <translation>&amp;Republicar todas as páginas, mesmo as não alteradas</translation>
    </message>
    <message>
        <source>&amp;Mark the pages of deleted files as removed</source>
        <translation>&amp;Marcar como removidas as páginas de arquivos excluídos</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>Publicar pasta</translation>
    </message>
    <message>
        <source>Every Markdown and HTML file of the folder becomes a page; links between the files become links between the pages and local images are uploaded once. The folder&apos;s .telegraph.json remembers the pages, so publishing again updates only what changed.</source>
        <translation>Cada arquivo Markdown e HTML da pasta vira uma página; links entre os arquivos viram links entre as páginas e as imagens locais são enviadas uma vez. O .telegraph.json da pasta lembra as páginas, então publicar de novo atualiza só o que mudou.</translation>
    </message>
    <message>
        <source>Folder to publish</source>
        <translation>Pasta a publicar</translation>
    </message>
    <message>
        <source>What publishing does with each file</source>
        <translation>O que a publicação faz com cada arquivo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>Progresso da publicação</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Pasta:</translation>
    </message>
    <message>
        <source>Folder to Publish</source>
        <translation>Pasta a publicar</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown or HTML files.</source>
        <translation>Escolha uma pasta de arquivos Markdown ou HTML.</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Lendo a pasta…</translation>
    </message>
    <message numerus="yes">
        <source>%n to create</source>
        <translation>
            <numerusform>%n a criar</numerusform>
            <numerusform>%n a criar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n a atualizar</numerusform>
            <numerusform>%n a atualizar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too big, as a series</source>
        <translation>
            <numerusform>%n grande demais, como série</numerusform>
            <numerusform>%n grandes demais, como série</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n sem alterações</numerusform>
            <numerusform>%n sem alterações</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removido</numerusform>
            <numerusform>%n removidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ignorado</numerusform>
            <numerusform>%n ignorados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): %1</source>
        <translation>
            <numerusform>%n aviso: %1</numerusform>
            <numerusform>%n avisos: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flood control: retrying in %n second(s)…</source>
        <translation>
            <numerusform>Controle de flood: nova tentativa em %n segundo…</numerusform>
            <numerusform>Controle de flood: nova tentativa em %n segundos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::PublishNotes</name>
    <message>
        <source>Telegram may show the old version in Instant View and link previews for a while. To refresh a link preview, send the link to @WebpageBot.</source>
        <translation>O Telegram pode mostrar a versão antiga no Instant View e nas prévias de links por um tempo. Para atualizar a prévia de um link, envie o link para @WebpageBot.</translation>
    </message>
    <message>
        <source>Don&apos;t Show Again</source>
        <translation>Não mostrar novamente</translation>
    </message>
</context>
<context>
    <name>tg::RequestScheduler</name>
    <message>
        <source>The server&apos;s answer is invalid: %1</source>
        <translation>A resposta do servidor é inválida: %1</translation>
    </message>
</context>
<context>
    <name>tg::RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation>Revisões</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sem título)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Restaurar esta versão</translation>
    </message>
    <message>
        <source>No revisions yet: one is kept each time the page is published or updated.</source>
        <translation>Ainda não há revisões: uma é guardada sempre que a página é publicada ou atualizada.</translation>
    </message>
</context>
<context>
    <name>tg::SaveProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>Tentar novamente</translation>
    </message>
    <message>
        <source>Choose Another Data Folder…</source>
        <translation>Escolher outra pasta de dados…</translation>
    </message>
    <message>
        <source>Save Text As File…</source>
        <translation>Salvar texto como arquivo…</translation>
    </message>
    <message>
        <source>Your text is not saved: the drafts database %1 cannot be written (%2). It is kept in memory and saving is retried automatically. Free some space or fix the file&apos;s permissions, choose another data folder, or save the text as a file.</source>
        <translation>Seu texto não foi salvo: não é possível gravar no banco de dados de rascunhos %1 (%2). Ele é mantido na memória e o salvamento é tentado novamente de forma automática. Libere espaço ou corrija as permissões do arquivo, escolha outra pasta de dados ou salve o texto como arquivo.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Rascunho sem título</translation>
    </message>
    <message>
        <source>Cannot save the text to %1: %2</source>
        <translation>Não é possível salvar o texto em %1: %2</translation>
    </message>
    <message>
        <source>Save Text As File</source>
        <translation>Salvar texto como arquivo</translation>
    </message>
    <message>
        <source>Drafts cannot be saved in %1: %2</source>
        <translation>Não é possível salvar rascunhos em %1: %2</translation>
    </message>
    <message>
        <source>Choose Another Data Folder</source>
        <translation>Escolher outra pasta de dados</translation>
    </message>
    <message>
        <source>Text not saved</source>
        <translation>Texto não salvo</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be saved to %1 (%2). Save the text as a file before quitting, or it is lost.</source>
        <translation>
            <numerusform>%n rascunho não pôde ser salvo em %1 (%2). Salve o texto como arquivo antes de sair, ou ele será perdido.</numerusform>
            <numerusform>%n rascunhos não puderam ser salvos em %1 (%2). Salve o texto como arquivo antes de sair, ou ele será perdido.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save As File…</source>
        <translation>Salvar como arquivo…</translation>
    </message>
</context>
<context>
    <name>tg::SearchDialog</name>
    <message>
        <source>Find Everywhere</source>
        <translation>Buscar em tudo</translation>
    </message>
    <message>
        <source>Search drafts, revisions and pages</source>
        <translation>Buscar em rascunhos, revisões e páginas</translation>
    </message>
    <message>
        <source>Type to search the drafts, their revisions and the pages of every account.</source>
        <translation>Digite para buscar nos rascunhos, suas revisões e as páginas de todas as contas.</translation>
    </message>
    <message>
        <source>Draft, edited %1</source>
        <translation>Rascunho, editado %1</translation>
    </message>
    <message>
        <source>Revision, published %1</source>
        <translation>Revisão, publicada %1</translation>
    </message>
    <message>
        <source>Page of %1</source>
        <translation>Página de %1</translation>
    </message>
    <message>
        <source>Page of %1 on %2</source>
        <translation>Página de %1 em %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sem título)</translation>
    </message>
    <message>
        <source>Search is not available: this system&apos;s SQLite has no full-text search (FTS5). Drafts are not affected.</source>
        <translation>A busca não está disponível: o SQLite deste sistema não tem busca de texto completo (FTS5). Os rascunhos não são afetados.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>A busca falhou: %1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>Nenhum resultado para “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n resultado.</numerusform>
            <numerusform>%n resultados.</numerusform>
        </translation>
    </message>
    <message>
        <source>This draft is no longer there.</source>
        <translation>Este rascunho não existe mais.</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoice</name>
    <message>
        <source>no keychain configured</source>
        <translation>nenhum chaveiro configurado</translation>
    </message>
    <message>
        <source>no Secret Service is running</source>
        <translation>nenhum Secret Service em execução</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoiceDialog</name>
    <message>
        <source>Keep tokens for this session only (they are forgotten when the app quits)</source>
        <translation>Manter os tokens só nesta sessão (serão esquecidos ao sair do app)</translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (0600), not encrypted:
%1</source>
        <translation>Armazenar os tokens em um arquivo legível só por mim (0600), sem criptografia:
%1</translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation>Nenhum chaveiro disponível</translation>
    </message>
    <message>
        <source>The system keychain cannot store your Telegraph access tokens (%1). Choose how to keep them:</source>
        <translation>O chaveiro do sistema não pode armazenar seus tokens de acesso do Telegraph (%1). Escolha como guardá-los:</translation>
    </message>
</context>
<context>
    <name>tg::SeriesFlow</name>
    <message>
        <source>Publishing the series</source>
        <translation>Publicação da série</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>o título está vazio</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Preparando o conteúdo…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Esta parte da série está sendo publicada.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2…</source>
        <translation>Criando parte %1 de %2…</translation>
    </message>
    <message>
        <source>Publishing the contents page…</source>
        <translation>Publicando a página de sumário…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2…</source>
        <translation>Vinculando parte %1 de %2…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Esta parte não faz mais parte da série.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Não publicado: %1</translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation>A série não foi publicada por completo: %1</translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation>
            <numerusform>Publicado como uma série de %n parte: %1</numerusform>
            <numerusform>Publicado como uma série de %n partes: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::SeriesSplitter</name>
    <message>
        <source>The page limit is too small for the series navigation.</source>
        <translation>O limite da página é pequeno demais para a navegação da série.</translation>
    </message>
    <message>
        <source>One block (%1 bytes) is larger than a whole page; split it into smaller paragraphs.</source>
        <translation>Um bloco (%1 bytes) é maior que uma página inteira; divida-o em parágrafos menores.</translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation>← Parte anterior</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sumário</translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation>Próxima parte →</translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (parte %2 de %3)</translation>
    </message>
</context>
<context>
    <name>tg::SettingsChange</name>
    <message>
        <source>Settings saved. The new server and language apply after a restart.</source>
        <translation>Configurações salvas. O novo servidor e o idioma valem após reiniciar.</translation>
    </message>
    <message>
        <source>Settings saved. The new server applies after a restart.</source>
        <translation>Configurações salvas. O novo servidor vale após reiniciar.</translation>
    </message>
    <message>
        <source>Settings saved. The new language applies after a restart.</source>
        <translation>Configurações salvas. O novo idioma vale após reiniciar.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configurações salvas.</translation>
    </message>
</context>
<context>
    <name>tg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL personalizada</translation>
    </message>
    <message>
        <source>Local sandbox (offline)</source>
        <translation>Sandbox local (offline)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Custom API URL:</source>
        <translation>URL da API personalizada:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Default author name:</source>
        <translation>Nome de autor padrão:</translation>
    </message>
    <message>
        <source>Default author link:</source>
        <translation>Link de autor padrão:</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>Fonte do editor:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Tamanho da fonte:</translation>
    </message>
    <message>
        <source>Preview theme:</source>
        <translation>Tema da visualização:</translation>
    </message>
    <message>
        <source>Save after typing stops:</source>
        <translation>Salvar após parar de digitar:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Geral</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>&amp;Editor</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Imagens</translation>
    </message>
    <message>
        <source>&amp;Language &amp;&amp; Updates</source>
        <translation>Idioma e &amp;atualizações</translation>
    </message>
    <message>
        <source>A new server applies after a restart.</source>
        <translation>Um novo servidor vale após reiniciar.</translation>
    </message>
    <message>
        <source>The current account&apos;s author name and link take precedence.</source>
        <translation>O nome de autor e o link da conta atual têm prioridade.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir o sistema</translation>
    </message>
    <message>
        <source>Telegraph upload (legacy)</source>
        <translation>Upload do Telegraph (legado)</translation>
    </message>
    <message>
        <source>HTTP upload (multipart form)</source>
        <translation>Upload HTTP (formulário multipart)</translation>
    </message>
    <message>
        <source>Command (PicGo, a script…)</source>
        <translation>Comando (PicGo, um script…)</translation>
    </message>
    <message>
        <source>telegra.ph has refused uploads since September 2024: with it, dropped images fail and keep their local file. The local sandbox still accepts them. Choose another host to publish images on telegra.ph.</source>
        <translation>O telegra.ph recusa uploads desde setembro de 2024: com ele, imagens arrastadas falham e mantêm o arquivo local. O sandbox local ainda as aceita. Escolha outro serviço para publicar imagens no telegra.ph.</translation>
    </message>
    <message>
        <source>Upload URL:</source>
        <translation>URL de upload:</translation>
    </message>
    <message>
        <source>File field name:</source>
        <translation>Nome do campo do arquivo:</translation>
    </message>
    <message>
        <source>Headers (Name: value):</source>
        <translation>Cabeçalhos (Nome: valor):</translation>
    </message>
    <message>
        <source>Form fields (name=value):</source>
        <translation>Campos do formulário (nome=valor):</translation>
    </message>
    <message>
        <source>URL in the answer:</source>
        <translation>URL na resposta:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Comando:</translation>
    </message>
    <message>
        <source>Runs with the image&apos;s path in place of {file} (added at the end when absent); the last line it prints must be the image URL.</source>
        <translation>Executa com o caminho da imagem no lugar de {file} (acrescentado ao final quando ausente); a última linha impressa deve ser a URL da imagem.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Upload images to:</source>
        <translation>Enviar imagens para:</translation>
    </message>
    <message>
        <source>Time limit per image:</source>
        <translation>Tempo limite por imagem:</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Cabeçalhos</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Campos do formulário</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>O novo idioma é usado após reiniciar.</translation>
    </message>
    <message>
        <source>Check for a new version when the app starts</source>
        <translation>Verificar se há nova versão ao iniciar o aplicativo</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Release feed URL:</source>
        <translation>URL do feed de versões:</translation>
    </message>
    <message>
        <source>The app only tells you about a new version; it never downloads or installs anything. Off unless you turn it on.</source>
        <translation>O aplicativo só avisa sobre uma nova versão; nunca baixa nem instala nada. Desligado até você ligar.</translation>
    </message>
    <message>
        <source>The custom API URL must start with http:// or https://.</source>
        <translation>A URL de API personalizada deve começar com http:// ou https://.</translation>
    </message>
    <message>
        <source>The release feed URL must start with https:// (http:// only on this computer).</source>
        <translation>A URL do feed de versões deve começar com https:// (http:// só neste computador).</translation>
    </message>
    <message>
        <source>A proxy password (http://user:password@host:port) is kept in the keychain, not in the settings file.</source>
        <translation>A senha do proxy (http://user:password@host:port) fica no chaveiro, não no arquivo de configurações.</translation>
    </message>
    <message>
        <source>Where the image URL is in the JSON answer, as a dot path (data.url, 0.src) or a JSON pointer (/data/url); empty when the answer is the URL itself. Header values, and form fields named like a key, token, secret or password, are kept in the keychain; the settings file shows “%1” in their place.</source>
        <translation>Onde fica a URL da imagem na resposta JSON, como caminho com pontos (data.url, 0.src) ou JSON pointer (/data/url); vazio quando a resposta é a própria URL. Os valores dos cabeçalhos, e os campos de formulário com nomes como key, token, secret ou password, ficam no chaveiro; o arquivo de configurações mostra “%1” no lugar deles.</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>New drafts are written in:</source>
        <translation>Novos rascunhos são escritos em:</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Predefinição:</translation>
    </message>
</context>
<context>
    <name>tg::SettingsSecrets</name>
    <message>
        <source>the proxy password</source>
        <translation>a senha do proxy</translation>
    </message>
    <message>
        <source>the image host&apos;s %1</source>
        <translation>o valor de %1 do servidor de imagens</translation>
    </message>
    <message>
        <source>Cannot keep %1: no keychain or token file has been chosen to hold secrets.</source>
        <translation>Não é possível guardar %1: nenhum chaveiro ou arquivo de tokens foi escolhido para guardar segredos.</translation>
    </message>
    <message>
        <source>the value read back differs</source>
        <translation>o valor lido de volta é diferente</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the %2: %3</source>
        <translation>Não é possível guardar %1 (armazenamento: %2): %3</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: %2</source>
        <translation>%1 continua no arquivo de configurações: %2</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: it could not be read back from the keychain (%2)</source>
        <translation>%1 continua no arquivo de configurações: a releitura no chaveiro falhou (%2)</translation>
    </message>
    <message>
        <source>it differs</source>
        <translation>o valor é diferente</translation>
    </message>
</context>
<context>
    <name>tg::SharedSecretStore</name>
    <message>
        <source>No place to keep secrets has been chosen yet</source>
        <translation>Ainda não foi escolhido onde guardar os segredos</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Nenhum segredo armazenado para %1</translation>
    </message>
</context>
<context>
    <name>tg::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atalho</translation>
    </message>
</context>
<context>
    <name>tg::SingleInstance</name>
    <message>
        <source>another instance is running</source>
        <translation>outra instância já está em execução</translation>
    </message>
</context>
<context>
    <name>tg::SourceEditor</name>
    <message>
        <source>Article source</source>
        <translation>Código-fonte do artigo</translation>
    </message>
    <message>
        <source>Write in Markdown or HTML…</source>
        <translation>Escreva em Markdown ou HTML…</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>negrito</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>itálico</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>texto do link</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Subtítulo</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>citação</translation>
    </message>
    <message>
        <source>item</source>
        <translation>item</translation>
    </message>
</context>
<context>
    <name>tg::SpellChecker</name>
    <message>
        <source>The %1 spelling dictionary cannot be read: %2 is missing or not readable.</source>
        <translation>Não é possível ler o dicionário ortográfico de %1: %2 está ausente ou não pode ser lido.</translation>
    </message>
    <message>
        <source>The %1 spelling dictionary uses the encoding %2, which this app cannot convert.</source>
        <translation>O dicionário ortográfico de %1 usa a codificação %2, que este app não consegue converter.</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell (%1 was not loaded).</source>
        <translation>A verificação ortográfica não está disponível: esta compilação do app não tem Hunspell (%1 não foi carregado).</translation>
    </message>
</context>
<context>
    <name>tg::SpellingController</name>
    <message>
        <source>S&amp;pelling</source>
        <translation>Orto&amp;grafia</translation>
    </message>
    <message>
        <source>&amp;Check Spelling While Typing</source>
        <translation>&amp;Verificar ortografia ao digitar</translation>
    </message>
    <message>
        <source>&amp;Next Misspelling</source>
        <translation>&amp;Próximo erro ortográfico</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell.</source>
        <translation>A verificação ortográfica não está disponível: esta compilação do app não tem Hunspell.</translation>
    </message>
    <message>
        <source>No %1 spelling dictionary is installed; install %2 to check spelling.</source>
        <translation>Nenhum dicionário ortográfico de %1 está instalado; instale %2 para verificar a ortografia.</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>Nenhuma sugestão</translation>
    </message>
    <message>
        <source>&amp;Add to Dictionary</source>
        <translation>&amp;Adicionar ao dicionário</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorar</translation>
    </message>
    <message>
        <source>&amp;Default: %1</source>
        <translation>&amp;Padrão: %1</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (não instalado)</translation>
    </message>
    <message>
        <source>No dictionaries installed (Debian: hunspell-en-us, hunspell-ru, …)</source>
        <translation>Nenhum dicionário instalado (Debian: hunspell-en-us, hunspell-ru, …)</translation>
    </message>
</context>
<context>
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation>Visualizações</translation>
    </message>
    <message>
        <source>%1, %2–%3 UTC</source>
        <extracomment>the hour a bar of the 48-hour chart covers: date, from, to</extracomment>
        <translation>%1, %2–%3 UTC</translation>
    </message>
    <message>
        <source>%1: not loaded</source>
        <translation>%1: não carregado</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln view(s)</source>
        <extracomment>a bar of the views chart: its date, then the views</extracomment>
        <translation>
            <numerusform>%1: %Ln visualização</numerusform>
            <numerusform>%1: %Ln visualizações</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::StatsWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Últimas 48 horas</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 dias</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 dias</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>Últimos 24 meses</translation>
    </message>
    <message>
        <source>Export Views</source>
        <translation>Exportar visualizações</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Select a page to see its views.</source>
        <translation>Selecione uma página para ver as visualizações.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Could not load the views: %1</source>
        <translation>Não foi possível carregar as visualizações: %1</translation>
    </message>
    <message>
        <source>There are no numbers to export yet.</source>
        <translation>Ainda não há números para exportar.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>No pages loaded.</source>
        <translation>Nenhuma página carregada.</translation>
    </message>
    <message>
        <source>Most viewed pages</source>
        <translation>Páginas mais vistas</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>the views of the chart&apos;s period · the page&apos;s views of all time</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s) in this period</source>
        <translation>
            <numerusform>%Ln visualização neste período</numerusform>
            <numerusform>%Ln visualizações neste período</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in total</source>
        <translation>
            <numerusform>%Ln no total</numerusform>
            <numerusform>%Ln no total</numerusform>
        </translation>
    </message>
    <message>
        <source>Account: %1 on %2</source>
        <extracomment>the views of all loaded pages, then how many pages are loaded</extracomment>
        <translation>Conta: %1 em %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation>
            <numerusform>%Ln visualização</numerusform>
            <numerusform>%Ln visualizações</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln loaded page(s)</source>
        <translation>
            <numerusform>%Ln página carregada</numerusform>
            <numerusform>%Ln páginas carregadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::TelegraphClient</name>
    <message>
        <source>The short name</source>
        <translation>O nome curto</translation>
    </message>
    <message>
        <source>No access token is set</source>
        <translation>Nenhum token de acesso definido</translation>
    </message>
    <message>
        <source>Unknown account field &apos;%1&apos; (known: %2)</source>
        <translation>Campo de conta desconhecido &apos;%1&apos; (conhecidos: %2)</translation>
    </message>
    <message>
        <source>The page path is required</source>
        <translation>O caminho da página é obrigatório</translation>
    </message>
    <message>
        <source>The offset must not be negative</source>
        <translation>O deslocamento não pode ser negativo</translation>
    </message>
    <message>
        <source>The limit must be from 0 to 200</source>
        <translation>O limite deve ser de 0 a 200</translation>
    </message>
    <message>
        <source>The year must be from 2000 to 2100</source>
        <translation>O ano deve ser de 2000 a 2100</translation>
    </message>
    <message>
        <source>The month must be from 1 to 12</source>
        <translation>O mês deve ser de 1 a 12</translation>
    </message>
    <message>
        <source>The day must be from 1 to 31</source>
        <translation>O dia deve ser de 1 a 31</translation>
    </message>
    <message>
        <source>The hour must be from 0 to 23</source>
        <translation>A hora deve ser de 0 a 23</translation>
    </message>
    <message>
        <source>A month needs a year</source>
        <translation>Um mês requer um ano</translation>
    </message>
    <message>
        <source>A day needs a month</source>
        <translation>Um dia requer um mês</translation>
    </message>
    <message>
        <source>An hour needs a day</source>
        <translation>Uma hora requer um dia</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method name</source>
        <translation>&apos;%1&apos; não é um nome de método</translation>
    </message>
    <message>
        <source>The parameters are not a JSON object</source>
        <translation>Os parâmetros não são um objeto JSON</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation>Sem resposta do servidor em %1 s</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>Falha na conexão segura: %1</translation>
    </message>
    <message>
        <source>The server broke the HTTP protocol: %1</source>
        <translation>O servidor violou o protocolo HTTP: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut short (HTTP %1): %2</source>
        <translation>A resposta do servidor foi interrompida (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Erro de rede: %1</translation>
    </message>
    <message>
        <source>The server sent an HTML page (HTTP %1) instead of %2</source>
        <translation>O servidor enviou uma página HTML (HTTP %1) em vez de %2</translation>
    </message>
    <message>
        <source>The server failed with HTTP %1 instead of answering with %2</source>
        <translation>O servidor falhou com HTTP %1 em vez de responder com %2</translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1) instead of %2</source>
        <translation>O servidor enviou uma resposta vazia (HTTP %1) em vez de %2</translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated answer (HTTP %1) instead of %2</source>
        <translation>O servidor enviou uma resposta malformada ou truncada (HTTP %1) em vez de %2</translation>
    </message>
    <message>
        <source>a JSON envelope</source>
        <translation>um envelope JSON</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 é obrigatório</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed</source>
        <translation>%1 tem %2 caracteres; são permitidos no máximo %3</translation>
    </message>
    <message>
        <source>The author name</source>
        <translation>O nome do autor</translation>
    </message>
    <message>
        <source>The author URL</source>
        <translation>A URL do autor</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>The server redirected the request to another host (%1); it was not followed, so the access token and keys it carries stay with %2</source>
        <translation>O servidor redirecionou a solicitação para outro host (%1); o redirecionamento não foi seguido, então o token de acesso e as chaves que ela leva ficam com %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than the limit of %1 and was cut off</source>
        <translation>A resposta do servidor excede o limite de %1 e foi cortada</translation>
    </message>
    <message>
        <source>The server redirected the request too many times</source>
        <translation>O servidor redirecionou a solicitação vezes demais</translation>
    </message>
</context>
<context>
    <name>tg::TelegraphUploadHost</name>
    <message>
        <source>The upload was refused: %1</source>
        <translation>O upload foi recusado: %1</translation>
    </message>
    <message>
        <source>an upload answer</source>
        <translation>uma resposta de upload</translation>
    </message>
</context>
<context>
    <name>tg::TemplateActions</name>
    <message>
        <source>The draft from the template “%1” could not be stored: %2</source>
        <translation>Não foi possível armazenar o rascunho criado a partir do modelo “%1”: %2</translation>
    </message>
    <message>
        <source>New draft from the template “%1”.</source>
        <translation>Novo rascunho a partir do modelo “%1”.</translation>
    </message>
    <message>
        <source>Save Draft as Template</source>
        <translation>Salvar rascunho como modelo</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>Nome do novo modelo:</translation>
    </message>
    <message>
        <source>Not saved as a template: %1</source>
        <translation>Não salvo como modelo: %1</translation>
    </message>
    <message>
        <source>Saved as the template “%1”: File → New from Template… starts a draft from it.</source>
        <translation>Salvo como o modelo “%1”: Arquivo → Novo a partir de modelo… cria um rascunho com ele.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>Novo a partir de modelo</translation>
    </message>
    <message>
        <source>&amp;Create Draft</source>
        <translation>&amp;Criar rascunho</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renomear…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Excluir</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (integrado)</translation>
    </message>
    <message>
        <source>One of your templates.</source>
        <translation>Um dos seus modelos.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Título: %1</translation>
    </message>
    <message>
        <source>Written in HTML.</source>
        <translation>Escrito em HTML.</translation>
    </message>
    <message>
        <source>Written in Markdown.</source>
        <translation>Escrito em Markdown.</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>Renomear modelo</translation>
    </message>
    <message>
        <source>New name of the template:</source>
        <translation>Novo nome do modelo:</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>Excluir modelo</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Drafts made from it stay.</source>
        <translation>Excluir o modelo “%1”? Os rascunhos criados a partir dele são mantidos.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateStore</name>
    <message>
        <source>Article</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <source>A lead paragraph, sections with headings, a list and a quotation.</source>
        <translation>Um parágrafo de abertura, seções com títulos, uma lista e uma citação.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Anúncio</translation>
    </message>
    <message>
        <source>What is happening, what changes, when and where, and what to do.</source>
        <translation>O que está acontecendo, o que muda, quando e onde, e o que fazer.</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>Registro de alterações</translation>
    </message>
    <message>
        <source>A release&apos;s new features, improvements, fixes and upgrade notes.</source>
        <translation>Novos recursos, melhorias, correções e notas de atualização de uma versão.</translation>
    </message>
    <message>
        <source>The template needs a name.</source>
        <translation>O modelo precisa de um nome.</translation>
    </message>
    <message>
        <source>The template name is too long: %1 characters, at most %2.</source>
        <translation>O nome do modelo é longo demais: %1 caracteres, no máximo %2.</translation>
    </message>
    <message>
        <source>The template name may not contain line breaks or control characters.</source>
        <translation>O nome do modelo não pode conter quebras de linha nem caracteres de controle.</translation>
    </message>
    <message>
        <source>A template named “%1” exists already.</source>
        <translation>Já existe um modelo chamado “%1”.</translation>
    </message>
    <message>
        <source>The text is too long for a template: %1 KiB, at most %2 KiB.</source>
        <translation>O texto é longo demais para um modelo: %1 KiB, no máximo %2 KiB.</translation>
    </message>
    <message>
        <source>The draft has no text to keep as a template.</source>
        <translation>O rascunho não tem texto para guardar como modelo.</translation>
    </message>
    <message>
        <source>The text is too long for a template: its page content takes %1 KiB, a page holds at most %2 KiB.</source>
        <translation>O texto é longo demais para um modelo: o conteúdo da página ocupa %1 KiB, e uma página comporta no máximo %2 KiB.</translation>
    </message>
    <message>
        <source>Templates cannot be saved: the drafts database is not open.</source>
        <translation>Não é possível salvar modelos: o banco de dados de rascunhos não está aberto.</translation>
    </message>
    <message>
        <source>There are %1 templates already, the most there can be: delete one first.</source>
        <translation>Já existem %1 modelos, o máximo permitido: exclua um primeiro.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>Não foi possível salvar o modelo: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed.</source>
        <translation>Modelos integrados não podem ser renomeados.</translation>
    </message>
    <message>
        <source>Templates cannot be changed: the drafts database is not open.</source>
        <translation>Não é possível alterar modelos: o banco de dados de rascunhos não está aberto.</translation>
    </message>
    <message>
        <source>The template could not be renamed: %1</source>
        <translation>Não foi possível renomear o modelo: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be deleted.</source>
        <translation>Modelos integrados não podem ser excluídos.</translation>
    </message>
    <message>
        <source>The template could not be deleted: %1</source>
        <translation>Não foi possível excluir o modelo: %1</translation>
    </message>
</context>
<context>
    <name>tg::TypewriterScroll</name>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>Rolagem de &amp;máquina de escrever</translation>
    </message>
    <message>
        <source>Keep the line being written in the middle of the editor</source>
        <translation>Manter a linha que está sendo escrita no meio do editor</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishDialog</name>
    <message>
        <source>Unpublish Page</source>
        <translation>Despublicar página</translation>
    </message>
    <message>
        <source>Replace the content of “%1” (%2) with this notice? Telegraph cannot delete pages; the page stays at its address and shows only the notice.</source>
        <translation>Substituir o conteúdo de “%1” (%2) por este aviso? O Telegraph não apaga páginas; a página continua no mesmo endereço e mostra apenas o aviso.</translation>
    </message>
    <message>
        <source>The current content is kept on this computer as a revision of the page&apos;s draft: File → Revisions… restores it and publishes it back.</source>
        <translation>O conteúdo atual fica guardado neste computador como revisão do rascunho da página: Arquivo → Revisões… o restaura e publica de volta.</translation>
    </message>
    <message>
        <source>Notice shown instead of the content</source>
        <translation>Aviso mostrado no lugar do conteúdo</translation>
    </message>
    <message>
        <source>&amp;Unpublish</source>
        <translation>&amp;Despublicar</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Despublicar</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishFlow</name>
    <message>
        <source>This page has been unpublished by its author.</source>
        <translation>Esta página foi despublicada pelo autor.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauração</translation>
    </message>
    <message>
        <source>Unpublishing</source>
        <translation>Despublicação</translation>
    </message>
    <message>
        <source>No page was given to unpublish.</source>
        <translation>Nenhuma página foi indicada para despublicar.</translation>
    </message>
    <message>
        <source>Write the notice the page should show instead of its content.</source>
        <translation>Escreva o aviso que a página deve mostrar no lugar do conteúdo.</translation>
    </message>
    <message>
        <source>Fetching %1 to keep its content…</source>
        <translation>Buscando %1 para guardar o conteúdo…</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: %2</source>
        <translation>%1 não foi despublicada e não mudou: %2</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: its content could not be kept in the drafts database.</source>
        <translation>%1 não foi despublicada e não mudou: o conteúdo não pôde ser guardado no banco de rascunhos.</translation>
    </message>
    <message>
        <source>Replacing the content of %1 with the notice…</source>
        <translation>Substituindo o conteúdo de %1 pelo aviso…</translation>
    </message>
    <message>
        <source>%1 is unpublished. Its content is kept in the draft “%2”: File → Revisions… restores it.</source>
        <translation>%1 foi despublicada. O conteúdo está guardado no rascunho “%2”: Arquivo → Revisões… o restaura.</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged (its content is kept as a local revision all the same): %2</source>
        <translation>%1 não foi despublicada e não mudou (o conteúdo foi guardado mesmo assim como revisão local): %2</translation>
    </message>
    <message>
        <source>There is no kept revision %1 of a published page.</source>
        <translation>Não há revisão guardada %1 de uma página publicada.</translation>
    </message>
    <message>
        <source>The kept content of %1 cannot be read: %2</source>
        <translation>O conteúdo guardado de %1 não pode ser lido: %2</translation>
    </message>
    <message>
        <source>Publishing the kept content of %1 again…</source>
        <translation>Publicando novamente o conteúdo guardado de %1…</translation>
    </message>
    <message>
        <source>%1 is published again.</source>
        <translation>%1 foi publicada novamente.</translation>
    </message>
    <message>
        <source>%1 was not published again: %2</source>
        <translation>%1 não foi publicada novamente: %2</translation>
    </message>
    <message numerus="yes">
        <source>The notice is %n characters long; keep it under %1.</source>
        <translation>
            <numerusform>O aviso tem %n caractere; mantenha-o com até %1.</numerusform>
            <numerusform>O aviso tem %n caracteres; mantenha-o com até %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::UpdateChecker</name>
    <message>
        <source>The update feed is not valid JSON: %1</source>
        <translation>O feed de atualizações não é um JSON válido: %1</translation>
    </message>
    <message>
        <source>The update feed is not a JSON object.</source>
        <translation>O feed de atualizações não é um objeto JSON.</translation>
    </message>
    <message>
        <source>The update feed has no valid version.</source>
        <translation>O feed de atualizações não tem uma versão válida.</translation>
    </message>
    <message>
        <source>The update feed has an invalid release address.</source>
        <translation>O feed de atualizações tem um endereço de versão inválido.</translation>
    </message>
    <message>
        <source>The update check was cancelled.</source>
        <translation>A verificação de atualizações foi cancelada.</translation>
    </message>
    <message>
        <source>The update feed is too large.</source>
        <translation>O feed de atualizações é grande demais.</translation>
    </message>
    <message>
        <source>The update feed answered with HTTP status %1.</source>
        <translation>O feed de atualizações respondeu com o status HTTP %1.</translation>
    </message>
    <message>
        <source>The update feed did not answer in time.</source>
        <translation>O feed de atualizações não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The update feed could not be reached: %1</source>
        <translation>Não foi possível acessar o feed de atualizações: %1</translation>
    </message>
</context>
<context>
    <name>tg::UserGuideDialog</name>
    <message>
        <source>Telegraph Desktop User Guide</source>
        <translation>Guia do usuário do Telegraph Desktop</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>O guia do usuário não está incluído nesta compilação.</translation>
    </message>
</context>
<context>
    <name>tg::ValidationText</name>
    <message>
        <source>Title is required.</source>
        <translation>O título é obrigatório.</translation>
    </message>
    <message numerus="yes">
        <source>Title is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>O título tem %n caractere; o Telegraph permite no máximo %1.</numerusform>
            <numerusform>O título tem %n caracteres; o Telegraph permite no máximo %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author name is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>O nome do autor tem %n caractere; o Telegraph permite no máximo %1.</numerusform>
            <numerusform>O nome do autor tem %n caracteres; o Telegraph permite no máximo %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author URL is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>A URL do autor tem %n caractere; o Telegraph permite no máximo %1.</numerusform>
            <numerusform>A URL do autor tem %n caracteres; o Telegraph permite no máximo %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation>O conteúdo é obrigatório.</translation>
    </message>
    <message numerus="yes">
        <source>Content is %n bytes; Telegraph allows at most %1 bytes (64 KiB).</source>
        <translation>
            <numerusform>O conteúdo tem %n byte; o Telegraph permite no máximo %1 bytes (64 KiB).</numerusform>
            <numerusform>O conteúdo tem %n bytes; o Telegraph permite no máximo %1 bytes (64 KiB).</numerusform>
        </translation>
    </message>
    <message>
        <source>Content has no text; Telegraph needs some text on a page.</source>
        <translation>O conteúdo não tem texto; o Telegraph precisa de algum texto na página.</translation>
    </message>
    <message>
        <source>Tag &lt;%1&gt; is not allowed in Telegraph content.</source>
        <translation>A tag &lt;%1&gt; não é permitida no conteúdo do Telegraph.</translation>
    </message>
    <message>
        <source>Attribute name &quot;%1&quot; on &lt;%2&gt; is not a valid HTML attribute name (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; and &apos;.&apos;, starting with a letter).</source>
        <translation>O nome de atributo “%1” em &lt;%2&gt; não é um nome de atributo HTML válido (letras, dígitos, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; e &apos;.&apos;, começando com uma letra).</translation>
    </message>
    <message>
        <source>Content is nested more than %1 levels deep.</source>
        <translation>O conteúdo está aninhado em mais de %1 níveis de profundidade.</translation>
    </message>
</context>
<context>
    <name>tg::WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation>Boas-vindas</translation>
    </message>
    <message>
        <source>Welcome to Telegraph Desktop</source>
        <translation>Boas-vindas ao Telegraph Desktop</translation>
    </message>
    <message>
        <source>Where should your pages go? You can change this later in the settings.</source>
        <translation>Para onde suas páginas devem ir? Você pode mudar isso depois nas configurações.</translation>
    </message>
    <message>
        <source>Publish to telegra.ph</source>
        <translation>Publicar no telegra.ph</translation>
    </message>
    <message>
        <source>Your pages go to telegra.ph. Create a Telegraph account in the Accounts panel.</source>
        <translation>Suas páginas vão para o telegra.ph. Crie uma conta do Telegraph no painel Contas.</translation>
    </message>
    <message>
        <source>Try the local sandbox</source>
        <translation>Experimentar o sandbox local</translation>
    </message>
    <message>
        <source>A Telegraph server inside the app, with an account made for you: publish, edit and unpublish offline. Nothing leaves this computer.</source>
        <translation>Um servidor do Telegraph dentro do app, com uma conta criada para você: publique, edite e despublique offline. Nada sai deste computador.</translation>
    </message>
    <message>
        <source>Use an account I already have</source>
        <translation>Usar uma conta que já tenho</translation>
    </message>
    <message>
        <source>Import an existing Telegraph account by its access token (from a bot or another app) and publish to telegra.ph with it.</source>
        <translation>Importe uma conta existente do Telegraph pelo token de acesso (de um bot ou de outro app) e publique no telegra.ph com ela.</translation>
    </message>
</context>
<context>
    <name>tg::WordGoalDialog</name>
    <message>
        <source>Word Goal</source>
        <translation>Meta de palavras</translation>
    </message>
    <message>
        <source>Words to write in this draft (0 for no goal):</source>
        <translation>Palavras a escrever neste rascunho (0 para nenhuma meta):</translation>
    </message>
    <message>
        <source>Word goal</source>
        <translation>Meta de palavras</translation>
    </message>
    <message>
        <source>A word goal cannot be negative. Type 0 for no goal.</source>
        <translation>A meta de palavras não pode ser negativa. Digite 0 para nenhuma meta.</translation>
    </message>
    <message>
        <source>%1 is more words than a goal can be: at most %L2.</source>
        <translation>%1 é mais palavras do que uma meta permite: no máximo %L2.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number of words. Type a number such as %L2, or 0 for no goal.</source>
        <translation>“%1” não é um número inteiro de palavras. Digite um número como %L2, ou 0 para nenhuma meta.</translation>
    </message>
    <message>
        <source>%L1 words is more than a goal can be: at most %L2.</source>
        <translation>%L1 palavras é mais do que uma meta permite: no máximo %L2.</translation>
    </message>
</context>
<context>
    <name>tg::WritingStatus</name>
    <message>
        <source>Word goal progress</source>
        <translation>Progresso da meta de palavras</translation>
    </message>
    <message>
        <source>There is no open draft to set a word goal for.</source>
        <translation>Não há nenhum rascunho aberto para definir uma meta de palavras.</translation>
    </message>
    <message>
        <source>A word goal is between 0 and %L1 words.</source>
        <translation>Uma meta de palavras fica entre 0 e %L1 palavras.</translation>
    </message>
    <message>
        <source>The word goal could not be saved in the drafts database: %1</source>
        <translation>Não foi possível salvar a meta de palavras no banco de dados de rascunhos: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln palavra</numerusform>
            <numerusform>%Ln palavras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractere</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt; 1 min read</source>
        <translation>&lt; 1 min de leitura</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln min de leitura</numerusform>
            <numerusform>%Ln min de leitura</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 characters of this draft were counted.</source>
        <translation>Só os primeiros %L1 caracteres deste rascunho foram contados.</translation>
    </message>
    <message>
        <source>Words and characters of the text, without its markup</source>
        <translation>Palavras e caracteres do texto, sem a marcação</translation>
    </message>
    <message>
        <source>Selection: counting…</source>
        <translation>Seleção: contando…</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>Seleção: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · goal reached</source>
        <translation>%1 · meta atingida</translation>
    </message>
    <message numerus="yes">
        <source>Word goal: %Ln word(s)</source>
        <translation>
            <numerusform>Meta de palavras: %Ln palavra</numerusform>
            <numerusform>Meta de palavras: %Ln palavras</numerusform>
        </translation>
    </message>
</context>
</TS>
