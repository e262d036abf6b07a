import {
  DoctorSection,
  Figure,
  FigureRow,
  SECTION_TITLES,
  SectionName,
  SectionStatus,
  worstStatus,
} from './doctor-report';

interface Finding {
  status: Exclude<SectionStatus, 'ok'>;
  message: string;
}

export interface SectionContent {
  figures?: Record<string, Figure>;
  tables?: Record<string, FigureRow[]>;
  notes?: string[];
}

// Collects what is wrong with a section; the worst finding sets the status and leads the reason.
export class SectionVerdict {
  private readonly findings: Finding[] = [];

  warnIf(condition: boolean, message: string): this {
    if (condition) this.findings.push({ status: 'warn', message });
    return this;
  }

  failIf(condition: boolean, message: string): this {
    if (condition) this.findings.push({ status: 'fail', message });
    return this;
  }

  get status(): SectionStatus {
    return worstStatus(this.findings.map((finding) => finding.status));
  }

  reason(whenOk: string): string {
    if (this.findings.length === 0) return whenOk;
    const fails = this.findings.filter((finding) => finding.status === 'fail');
    const warns = this.findings.filter((finding) => finding.status === 'warn');
    return [...fails, ...warns].map((finding) => finding.message).join('; ');
  }

  section(name: SectionName, whenOk: string, content: SectionContent): DoctorSection {
    return {
      name,
      title: SECTION_TITLES[name],
      status: this.status,
      reason: this.reason(whenOk),
      figures: content.figures ?? {},
      tables: content.tables ?? {},
      notes: content.notes ?? [],
    };
  }
}

// What a probe that could not finish (refused, timed out, threw) reports instead of crashing the run.
export function unreachableSection(name: SectionName, cause: string): DoctorSection {
  return new SectionVerdict().failIf(true, `unreachable: ${cause}`).section(name, '', {});
}
