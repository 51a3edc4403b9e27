const byId = (id) => document.getElementById(id);

/** The login form: clear messages for a wrong password (401) and for too many attempts (429). */
export function setUpLogin({ i18n, api, onLoggedIn }) {
  const view = byId('login-view');
  const form = byId('login-form');
  const username = byId('login-username');
  const password = byId('login-password');
  const error = byId('login-error');
  const submit = byId('login-submit');

  function message(err) {
    if (err.status === 401) return i18n.t('login.wrong');
    if (err.status === 429) {
      return err.retryAfter
        ? i18n.t('login.tooManyWait', { count: Math.ceil(err.retryAfter / 60) })
        : i18n.t('login.tooMany');
    }
    if (err.status === 400) return i18n.t('login.missing');
    return i18n.t(err.status === 0 ? 'errors.network' : 'errors.generic');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!username.value.trim() || !password.value) {
      error.textContent = i18n.t('login.missing');
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    try {
      const result = await api.login(username.value.trim(), password.value);
      password.value = '';
      onLoggedIn(result);
    } catch (err) {
      error.textContent = message(err);
      password.select();
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });

  return {
    show(messageKey) {
      view.hidden = false;
      error.textContent = messageKey ? i18n.t(messageKey) : '';
      username.focus();
    },
    hide() {
      view.hidden = true;
      error.textContent = '';
    },
  };
}
