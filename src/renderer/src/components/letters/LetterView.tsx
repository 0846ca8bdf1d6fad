// A letter model shown as the page it becomes: the same structured model the .docx is made from, laid
// out like the Word document (letterhead, address block, date and reference lines, body, signature).
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterBlock, LetterModel } from '@shared/api/letters';

// Millimetres as in the .docx (src/main/letters/docxBase.ts): margins, letterhead height, and the
// address field in the envelope window (vermelding lines on top, the address from a fixed line).
const page: CSSProperties = {
  background: 'white',
  color: '#111',
  fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
  fontSize: '10pt',
  lineHeight: 1.35,
  padding: '20mm 20mm 22mm 25mm',
  maxWidth: '210mm',
  minHeight: '297mm',
  boxSizing: 'border-box',
  boxShadow: '0 1px 4px rgba(0,0,0,.25)',
  margin: '0 auto',
};
const grey: CSSProperties = { color: '#555' };
const small: CSSProperties = { fontSize: '8pt', lineHeight: '10pt', ...grey };
const letterhead: CSSProperties = {
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'flex-start',
  height: '30mm',
  overflow: 'hidden',
};
const field: CSSProperties = { position: 'relative', height: '34mm' };
const vermeldingZone: CSSProperties = {
  width: '75mm',
  height: '8mm',
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'flex-end',
  fontWeight: 700,
  fontSize: '8pt',
  lineHeight: '10pt',
};
const addressZone: CSSProperties = {
  width: '75mm',
  height: '26mm',
  overflow: 'hidden',
  fontStyle: 'normal',
  whiteSpace: 'pre',
  lineHeight: '12pt',
  margin: 0,
};
const refLabel: CSSProperties = { ...grey, fontWeight: 400, textAlign: 'left', verticalAlign: 'top', width: '28mm', padding: 0 };
const refValue: CSSProperties = { verticalAlign: 'top', padding: 0 };

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
  const o = model.ondertekening;
  return (
    <article style={page} aria-label={t('toAddressee', { naam: model.geadresseerde.regels.join(', ') })} data-testid="brief-voorbeeld">
      <header style={letterhead}>
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
          <div style={{ fontSize: '9pt', lineHeight: '12pt', fontWeight: 700 }}>{h.schoolNaam}</div>
          {h.regels.map((r) => (
            <div key={r} style={small}>
              {r}
            </div>
          ))}
        </div>
      </header>
      <div style={field} data-testid="adresveld">
        {!model.kenmerk && (
          <div style={{ position: 'absolute', top: 0, right: 0, color: '#b00020', fontWeight: 700 }}>{t('concept').toUpperCase()}</div>
        )}
        <div style={vermeldingZone}>
          {model.vermelding.map((v) => (
            <div key={v}>{v}</div>
          ))}
        </div>
        <address style={addressZone}>{model.geadresseerde.regels.join('\n')}</address>
      </div>
      <table style={{ borderCollapse: 'collapse', marginTop: '8mm', marginBottom: '24pt' }}>
        <tbody>
          <tr>
            <th scope="row" style={refLabel}>
              {t('date')}
            </th>
            <td style={refValue}>{model.plaatsDatum}</td>
          </tr>
          <tr>
            <th scope="row" style={refLabel}>
              {t('ourRef')}
            </th>
            <td style={refValue}>{model.kenmerk ?? t('kenmerkLater')}</td>
          </tr>
          {model.correctieVan && (
            <tr>
              <th scope="row" style={refLabel}>
                {t('replaces')}
              </th>
              <td style={refValue}>{model.correctieVan}</td>
            </tr>
          )}
          <tr>
            <th scope="row" style={refLabel}>
              {t('subject')}
            </th>
            <td style={{ ...refValue, fontWeight: 700 }}>{model.betreft}</td>
          </tr>
        </tbody>
      </table>
      {model.aanhef && <p style={{ margin: '0 0 9pt' }}>{model.aanhef}</p>}
      {model.inhoud.map((b, i) => (
        <Block key={i} b={b} />
      ))}
      <div style={{ breakInside: 'avoid' }}>
        <p style={{ margin: 0 }}>{model.afsluiting ?? t('recordedBy')}</p>
        {o.namens && <p style={{ margin: 0 }}>{o.namens},</p>}
        <div style={{ fontWeight: 700, marginTop: model.afsluiting ? '20mm' : '6pt' }}>{o.naam}</div>
        {o.functie && <div>{o.functie}</div>}
        <div>{o.organisatie}</div>
        {model.bijlagen.length > 0 && (
          <p style={{ fontSize: '9pt', margin: '6pt 0 0' }}>
            <strong>{model.bijlagen.length === 1 ? t('attachmentLabel') : t('attachmentsLabel')}</strong> {model.bijlagen.join('; ')}
          </p>
        )}
        {model.afschrift.length > 0 && (
          <p style={{ fontSize: '9pt', margin: '6pt 0 0' }}>
            <strong>{t('copies')}</strong> {model.afschrift.join('; ')}
          </p>
        )}
      </div>
    </article>
  );
}
