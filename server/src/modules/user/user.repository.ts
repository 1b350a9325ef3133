import type { Em } from '../../db/orm.ts';
import { User } from './user.entity.ts';

export class UserRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  findById(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email: email.toLowerCase() });
  }

  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.em.find(User, { id: { $in: ids } }) : Promise.resolve([]);
  }

  create(data: {
    email: string;
    name: string;
    passwordHash: string | null;
    locale: string;
    isStaff?: boolean;
    emailVerifiedAt?: Date | null;
  }): User {
    const user = this.em.create(User, {
      ...data,
      email: data.email.toLowerCase(),
      isStaff: data.isStaff ?? false,
    });
    this.em.persist(user);
    return user;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
