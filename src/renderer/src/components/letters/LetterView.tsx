// A letter model shown as the page it becomes: the same structured model the .docx is made from, laid
// out like the Word document (letterhead, address block, date and reference lines, body, signature).
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterBlock, LetterModel } from '../../../../shared/api/letters';

const page: CSSProperties = {
  background: 'white',
  color: '#111',
  fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
  fontSize: '10pt',
  lineHeight: 1.35,
  padding: '12mm 20mm 18mm 25mm',
  maxWidth: '210mm',
  minHeight: '200mm',
  boxShadow: '0 1px 4px rgba(0,0,0,.25)',
  margin: '0 auto',
};
const grey: CSSProperties = { color: '#555' };
const small: CSSProperties = { fontSize: '8pt', ...grey };

function Block({ b }: { b: LetterBlock }) {
  if (b.type === 'alinea') return <p style={{ margin: '0 0 9pt', whiteSpace: 'pre-line' }}>{b.tekst}</p>;
  if (b.type === 'lijst')
    return (
      <ul style={{ margin: '0 0 9pt', paddingLeft: '6mm' }}>
        {b.items.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    );
  return (
    <table style={{ borderCollapse: 'collapse', margin: '0 0 9pt', width: '100%' }}>
      <tbody>
        {b.rijen.map((r, i) => (
          <tr key={i}>
            <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top', fontWeight: 700, width: '12mm', padding: '0 0 3pt' }}>
              {r.label}
            </th>
            <td style={{ verticalAlign: 'top', padding: '0 0 3pt' }}>{r.waarde}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LetterView({ model, logoDataUrl }: { model: LetterModel; logoDataUrl: string | null }) {
  const { t } = useTranslation('letters');
  const h = model.briefhoofd;
  return (
    <article style={page} aria-label={t('toAddressee', { naam: model.geadresseerde.regels.join(', ') })} data-testid="brief-voorbeeld">
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: '8mm' }}>
        <div>
          {logoDataUrl && h.logo ? (
            <img
              src={logoDataUrl}
              alt={t('logoAlt', { school: h.schoolNaam })}
              style={{ width: `${h.logo.breedteMm}mm`, height: `${h.logo.hoogteMm}mm` }}
            />
          ) : (
            <div style={{ fontSize: '15pt', fontWeight: 700 }}>{h.schoolNaam}</div>
          )}
        </div>
        <div style={{ textAlign: 'right' }}>
          <div style={{ fontSize: '9pt', fontWeight: 700 }}>{h.schoolNaam}</div>
          {h.regels.map((r) => (
            <div key={r} style={small}>
              {r}
            </div>
          ))}
        </div>
      </header>
      {!model.kenmerk && <p style={{ color: '#b00020', fontWeight: 700, margin: '0 0 6pt' }}>{t('concept').toUpperCase()}</p>}
      {model.vermelding.map((v) => (
        <div key={v} style={{ fontWeight: 700, fontSize: '9pt' }}>
          {v}
        </div>
      ))}
      <address style={{ fontStyle: 'normal', whiteSpace: 'pre', marginTop: model.vermelding.length ? '9pt' : 0 }}>
        {model.geadresseerde.regels.join('\n')}
      </address>
      <p style={{ margin: '24pt 0 10pt' }}>{model.plaatsDatum}</p>
      <table style={{ borderCollapse: 'collapse', marginBottom: '20pt' }}>
        <tbody>
          <tr>
            <th scope="row" style={{ ...grey, fontWeight: 400, textAlign: 'left', width: '28mm' }}>
              {t('ourRef')}
            </th>
            <td>{model.kenmerk ?? t('kenmerkLater')}</td>
          </tr>
          {model.correctieVan && (
            <tr>
              <th scope="row" style={{ ...grey, fontWeight: 400, textAlign: 'left' }}>
                {t('replaces')}
              </th>
              <td>{model.correctieVan}</td>
            </tr>
          )}
          <tr>
            <th scope="row" style={{ ...grey, fontWeight: 400, textAlign: 'left' }}>
              {t('subject')}
            </th>
            <td style={{ fontWeight: 700 }}>{model.betreft}</td>
          </tr>
        </tbody>
      </table>
      {model.aanhef && <p style={{ margin: '0 0 9pt' }}>{model.aanhef}</p>}
      {model.inhoud.map((b, i) => (
        <Block key={i} b={b} />
      ))}
      <p style={{ margin: '0 0 36pt' }}>{model.afsluiting ?? t('recordedBy')}</p>
      <div style={{ fontWeight: 700 }}>{model.ondertekening.naam}</div>
      {model.ondertekening.functie && <div>{model.ondertekening.functie}</div>}
      <div>{model.ondertekening.organisatie}</div>
      {model.bijlagen.length > 0 && (
        <p style={{ fontSize: '9pt', marginTop: '9pt' }}>
          <strong>{model.bijlagen.length === 1 ? t('attachmentLabel') : t('attachmentsLabel')}</strong> {model.bijlagen.join('; ')}
        </p>
      )}
      {model.afschrift.length > 0 && (
        <p style={{ fontSize: '9pt', marginTop: '6pt' }}>
          <strong>{t('copies')}</strong> {model.afschrift.join('; ')}
        </p>
      )}
    </article>
  );
}
