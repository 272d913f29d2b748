/**
 * LinkedIn's "Add to profile" link for a certification, prefilled: the certification's name, the
 * issuing organisation, the month it was issued, the credential's address and id. LinkedIn shows
 * the member a form with these values; nothing is sent until they save it.
 */
export interface LinkedInCertification {
  name: string;
  organizationName: string;
  /** YYYY-MM-DD */
  issued: string;
  certUrl: string;
  certId: string;
}

export function linkedInAddToProfileUrl(c: LinkedInCertification): string {
  const url = new URL('https://www.linkedin.com/profile/add');
  url.searchParams.set('startTask', 'CERTIFICATION_NAME');
  url.searchParams.set('name', c.name);
  url.searchParams.set('organizationName', c.organizationName);
  url.searchParams.set('issueYear', String(Number(c.issued.slice(0, 4))));
  url.searchParams.set('issueMonth', String(Number(c.issued.slice(5, 7))));
  url.searchParams.set('certUrl', c.certUrl);
  url.searchParams.set('certId', c.certId);
  return url.href;
}
